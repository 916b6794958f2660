/** The operations the explorer opens with: real questions the hub's users ask. */
export const EXAMPLE_OPERATIONS = `# The police performance hub. Pick an operation with the run button's menu.

# A force against the other forces of its region, last financial year.
query ForceAgainstRegion($force: ID! = "avon-and-somerset") {
  force(id: $force) {
    name
    region {
      name
      forces {
        id
        name
        responseTimes(from: "2025-04-01", to: "2026-03-31") {
          emergency { incidents attendanceP90Minutes withinStandardShare }
          calls999 { answeredWithin10sShare }
        }
        crimePriorities(from: "2025-04-01", to: "2026-03-31") {
          knifeCrime { offences ratePer1000 }
          vawg { offences ratePer1000 }
        }
      }
    }
  }
}

# Knife crime in one force, financial year by financial year.
query KnifeCrimeTrend($force: ID! = "west-midlands") {
  force(id: $force) {
    name
    fy2023: crimePriorities(from: "2023-04-01", to: "2024-03-31") { knifeCrime { offences ratePer1000 } }
    fy2024: crimePriorities(from: "2024-04-01", to: "2025-03-31") { knifeCrime { offences ratePer1000 } }
    fy2025: crimePriorities(from: "2025-04-01", to: "2026-03-31") { knifeCrime { offences ratePer1000 } }
  }
}

# Emergency attendance P90 league table for the year, best first.
query ResponseTimeLeagueTable {
  responseTimeLeagueTable(measureId: EMERGENCY_ATTENDANCE_P90_MINUTES, from: "2025-04-01", to: "2026-03-31") {
    rank value force { name region { name } }
  }
}

# A force's intervention watchlist alerts from every subgraph, each explaining itself.
query ForceAlerts($force: ID! = "metropolitan") {
  force(id: $force) {
    name
    responseTimeAlerts(from: "2025-04-01", to: "2026-03-31") { rule explanation months { month value } }
    crimePriorityMeasures(from: "2025-04-01", to: "2026-03-31") { alerts { rule explanation } }
    misconductMeasures(from: "2025-04-01", to: "2026-03-31") { alerts { rule explanation } }
  }
}

# How a force compares: value, national, region, most similar group, rank and trend.
query ForceComparisons($force: ID! = "kent") {
  force(id: $force) {
    name
    responseTimes(from: "2025-04-01", to: "2026-03-31") {
      comparisons { measure { name unit } value national region mostSimilarGroup rank forcesRanked changeFromYearEarlier }
    }
    crimePriorityMeasures(from: "2025-04-01", to: "2026-03-31") { comparisons { measure { name unit } value national mostSimilarGroup rank } }
    misconductMeasures(from: "2025-04-01", to: "2026-03-31") { comparisons { measure { name unit } value national rank } }
    neighbourhoodPolicingGuarantee(asAt: "2025-03-31") { neighbourhoodFte targetFte onTrajectory }
  }
}

# Figures as first published against the latest: what a revised file changed, with the files behind each.
query AsPublished($force: ID! = "kent", $on: LocalDate = "2026-06-30") {
  force(id: $force) {
    latest: crimePriorities(from: "2025-04-01", to: "2026-03-31") { knifeCrime { offences } sources { file importedAt } }
    asPublished: crimePriorities(from: "2025-04-01", to: "2026-03-31", asPublishedOn: $on) { knifeCrime { offences } sources { file importedAt } }
  }
}

# Every subgraph at once: the national picture.
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
}
`;
