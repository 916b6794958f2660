-- Street "Possession of weapons" is its own figure (any weapon), never knife crime (offences involving a knife or sharp instrument).
UPDATE "crime_priorities"."crime_type_mapping" SET knife_crime = false,
  note = 'Possession of weapons (any weapon): served as possessionOfWeapons, never as knife crime, which street data cannot give.'
WHERE source = 'police-uk' AND crime_type = 'Possession of weapons';
UPDATE "crime_priorities"."recorded_offence" SET knife_crime = false WHERE offence_code = 'police-uk:Possession of weapons';
UPDATE "crime_priorities"."replaced_row" SET "row" = jsonb_set("row", '{knife_crime}', 'false')
WHERE table_name = 'recorded_offence' AND "row"->>'offence_code' = 'police-uk:Possession of weapons';
