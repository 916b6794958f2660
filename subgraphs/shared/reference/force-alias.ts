/**
 * The form force names and codes are matched in: lower case, "&" read as "and", words
 * such as "Police" and "Constabulary" and all punctuation dropped, so "Devon & Cornwall",
 * "Devon and Cornwall Police" and "DEVON AND CORNWALL" meet.
 */
export function normaliseForceName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\b(police|constabulary|service|force)\b/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
