-- CreateTable
CREATE TABLE "crime_priorities"."crime_type_mapping" (
    "source" TEXT NOT NULL,
    "crime_type" TEXT NOT NULL,
    "offence_group" TEXT NOT NULL,
    "vawg" BOOLEAN NOT NULL,
    "knife_crime" BOOLEAN NOT NULL,
    "csa" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL,

    CONSTRAINT "crime_type_mapping_pkey" PRIMARY KEY ("source","crime_type")
);

-- Reference data: police.uk street-level crime categories. The street files carry no priority flags,
-- so only the nearest proxy is flagged, and each row says what it stands for.
INSERT INTO "crime_priorities"."crime_type_mapping" (source, crime_type, offence_group, vawg, knife_crime, csa, note) VALUES
  ('police-uk', 'Bicycle theft', 'Theft offences', false, false, false, 'No priority flag.'),
  ('police-uk', 'Burglary', 'Burglary', false, false, false, 'No priority flag.'),
  ('police-uk', 'Criminal damage and arson', 'Criminal damage and arson', false, false, false, 'No priority flag.'),
  ('police-uk', 'Drugs', 'Drug offences', false, false, false, 'No priority flag.'),
  ('police-uk', 'Other crime', 'Miscellaneous crimes against society', false, false, false, 'No priority flag.'),
  ('police-uk', 'Other theft', 'Theft offences', false, false, false, 'No priority flag.'),
  ('police-uk', 'Possession of weapons', 'Possession of weapons offences', false, true, false, 'Proxy: street data has no knife flag, and possession of weapons is the nearest category and includes non-bladed weapons.'),
  ('police-uk', 'Public order', 'Public order offences', false, false, false, 'No priority flag.'),
  ('police-uk', 'Robbery', 'Robbery', false, false, false, 'No priority flag (the knife share of robbery is not in street data).'),
  ('police-uk', 'Shoplifting', 'Theft offences', false, false, false, 'No priority flag.'),
  ('police-uk', 'Theft from the person', 'Theft offences', false, false, false, 'No priority flag.'),
  ('police-uk', 'Vehicle crime', 'Vehicle offences', false, false, false, 'No priority flag.'),
  ('police-uk', 'Violence and sexual offences', 'Violence against the person', false, false, false, 'Not flagged VAWG (street data does not give the victim''s sex or the domestic abuse flag).');
