-- CreateTable
CREATE TABLE "crime_priorities"."offence_code_mapping" (
    "offence_code" TEXT NOT NULL,
    "vawg" BOOLEAN NOT NULL,
    "knife_crime" BOOLEAN NOT NULL,
    "csa" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL,

    CONSTRAINT "offence_code_mapping_pkey" PRIMARY KEY ("offence_code")
);

-- Reference data: offence codes whose definition fixes a priority flag. Knife crime and most VAWG
-- depend on circumstances (weapon, victim) that the by-force table does not give, so they are not flagged here.
INSERT INTO "crime_priorities"."offence_code_mapping" (offence_code, vawg, knife_crime, csa, note) VALUES
  ('19C', true, false, false, 'Rape of a female aged 16 and over'),
  ('17A', true, false, false, 'Sexual assault on a female aged 13 and over'),
  ('19E', false, false, true, 'Rape of a female child under 16'),
  ('19F', false, false, true, 'Rape of a female child under 13'),
  ('19G', false, false, true, 'Rape of a male child under 16'),
  ('19H', false, false, true, 'Rape of a male child under 13'),
  ('20A', false, false, true, 'Sexual assault on a male child under 13'),
  ('20B', false, false, true, 'Sexual assault on a female child under 13'),
  ('21', false, false, true, 'Sexual activity involving a child under 16'),
  ('22B', false, false, true, 'Sexual activity involving a child under 13'),
  ('88E', false, false, true, 'Sexual grooming');
