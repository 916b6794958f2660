/** The foundation issue's query, exactly as written there. */
export const NATIONAL_PICTURE = `
query NationalPicture {
  forces {
    id gssCode name region { name }
    responseTimes(from: "2025-04-01", to: "2026-03-31") {
      emergency { incidents attendanceMedianMinutes attendanceP90Minutes withinStandardShare }
      calls999 { answeredWithin10sShare meanAnswerSeconds }
    }
    crimePriorities(from: "2025-04-01", to: "2026-03-31") {
      knifeCrime { offences ratePer1000 }
      vawg { offences ratePer1000 }
      csa { offences }
    }
    workforce(asAt: "2025-03-31") { officersFte staffFte pcsoFte neighbourhoodFte }
    misconduct(from: "2025-04-01", to: "2026-03-31") { casesOpened proceedingsHeld dismissals }
  }
}`;

/** The same figures for one force. */
export const ONE_FORCE_PICTURE = NATIONAL_PICTURE.replace("forces {", 'force(id: "kent") {');
