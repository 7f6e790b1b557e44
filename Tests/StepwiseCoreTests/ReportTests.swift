import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// The organisation report, computed from small hand-made data sets whose answers are known,
/// and its protection of small counts, attacked by subtraction.
final class ReportTests: XCTestCase {
    private let today = day("2026-11-30")
    private let stamp = Stamp(by: "Anna", at: Date(timeIntervalSince1970: 1_790_000_000))
    private var strings: Localizer {
        (try? Localizer.load(language: "en", resources: resourcesURL)) ?? Localizer(language: "en", table: [:], fallback: [:])
    }
    private var indicators: IndicatorSet {
        IndicatorSet(
            indicators: [Indicator(id: "health", text: ["en": "Health"]), Indicator(id: "belief", text: ["en": "Belief"])],
            coachBelief: ["en": "Coach's belief"])
    }

    private func person(
        _ n: Int, start: String, outcome: Outcome.Kind? = nil, hours: Int? = nil,
        ratings: [[String: Int]] = [], belief: [Int] = []
    ) -> Participant {
        var p = Participant(id: "p-\(n)", name: "Person \(n)", language: "da", courseStart: day(start), by: stamp)
        if let outcome { p.outcome = Outcome(kind: outcome, hoursPerWeek: hours, text: "", day: p.courseEnd) }
        for (index, scores) in ratings.enumerated() {
            p.ratings.append(
                Rating(
                    day: day(start).adding(days: 7 * index), sessionId: nil, scores: scores,
                    coachBelief: belief.indices.contains(index) ? belief[index] : nil, stamp: stamp))
        }
        return p
    }

    private func table(_ report: Report, _ id: String) -> ReportTable {
        report.tables.first { $0.id == id } ?? ReportTable(id: id, title: "", columnIDs: [], columns: [], rows: [])
    }

    private func cell(_ report: Report, _ table: String, _ row: String, _ column: Int = 0) -> ReportCell? {
        self.table(report, table).rows.first { $0.id == row }?.cells[column]
    }

    private func report(_ people: [Participant], offers: [Offer] = [], query: ReportQuery? = nil) -> Report {
        let query = query ?? ReportQuery(from: day("2026-01-01"), to: today)
        var tally = ReportTally()
        for p in people where query.includes(p, bookedKinds: []) { tally.add(p, booked: [:], query: query, today: today) }
        return Report(tally: tally, offers: offers, query: query, indicators: indicators, strings: strings, today: today)
    }

    func testResultsAreCountedAndSharedAmongThoseWhoseCourseEnded() {
        // Courses of 26 weeks starting 2026-01-05 end 2026-07-05 (in the period); 2026-10-05 runs on.
        var people: [Participant] = []
        for n in 0..<6 { people.append(person(n, start: "2026-01-05", outcome: .job, hours: 37)) }
        for n in 6..<11 { people.append(person(n, start: "2026-01-05", outcome: .job, hours: 20)) }
        for n in 11..<16 { people.append(person(n, start: "2026-01-05", outcome: .education)) }
        for n in 16..<22 { people.append(person(n, start: "2026-01-05")) }
        for n in 22..<27 { people.append(person(n, start: "2026-10-05")) }
        let r = report(people)
        XCTAssertEqual(cell(r, "participants", "counted"), .count(27))
        XCTAssertEqual(cell(r, "participants", "ended"), .count(22))
        XCTAssertEqual(cell(r, "participants", "inCourse"), .count(5))
        XCTAssertEqual(cell(r, "results", "jobFullTime"), .count(6))
        XCTAssertEqual(cell(r, "results", "jobPartTime"), .count(5))
        XCTAssertEqual(cell(r, "results", "education"), .count(5))
        XCTAssertEqual(cell(r, "results", "unknown"), .count(6))
        XCTAssertEqual(cell(r, "results", "total"), .count(22))
        XCTAssertEqual(cell(r, "results", "jobFullTime", 1), .share(6.0 / 22.0))
        XCTAssertEqual(cell(r, "results", "noChange"), .count(0), "a zero gives no one away")
    }

    func testStepMovementPerIndicatorAndTheMedianChange() {
        // Health: 3→6, 4→4, 5→2, 2→7, 6→8 (changes +3, 0, -3, +5, +2; median +2). Belief: all 5→6.
        let pairs = [(3, 6), (4, 4), (5, 2), (2, 7), (6, 8)]
        let people = pairs.enumerated().map { n, pair in
            person(n, start: "2026-03-02", ratings: [["health": pair.0, "belief": 5], ["health": pair.1, "belief": 6]], belief: [4, 6])
        }
        let r = report(people, query: ReportQuery(from: day("2026-01-01"), to: today, minimumIndicators: 2))
        let movement = table(r, "movement")
        let health = movement.rows.first { $0.id == "health" }?.cells ?? []
        XCTAssertEqual(
            health.prefix(4), [.count(5), .suppressed, .suppressed, .suppressed],
            "3 higher, 1 same, 1 lower: each counts fewer than 5 people")
        XCTAssertEqual(health[7], .number(2), "the median change is +2")
        XCTAssertEqual(health[8], .number(4), "the median first rating of 3, 4, 5, 2, 6")
        XCTAssertEqual(health[9], .number(6), "the median latest rating of 6, 4, 2, 7, 8")
        let belief = movement.rows.first { $0.id == "belief" }?.cells ?? []
        XCTAssertEqual(belief.prefix(4), [.count(5), .count(5), .count(0), .count(0)])
        XCTAssertEqual(belief[4], .share(1))
        XCTAssertEqual(movement.rows.first { $0.id == "coachBelief" }?.cells.prefix(2), [.count(5), .count(5)])
        // Moved up on at least 2 indicators: the three whose health went up (belief went up for all).
        XCTAssertEqual(cell(r, "movedOnEnough", "rated"), .count(5))
        XCTAssertEqual(cell(r, "movedOnEnough", "moved"), .suppressed, "3 of 5 is fewer than 5 people")
        XCTAssertEqual(cell(r, "movedOnEnough", "notMoved"), .suppressed, "else 5 − 2 gives the 3 back")
    }

    func testResultsThreeAndSixMonthsAfterTheEndCountRecordedAndDueResults() {
        // Courses from 2026-03-02 end 2026-08-30: 3 months (91 days) later is 2026-11-29, due
        // today; 6 months (182 days) later is 2027-02-28, not yet. Courses from 2026-05-04 end 2026-11-01.
        func later(_ kind: Outcome.Kind, _ hours: Int?, _ months: Int, after end: Day) -> Outcome.Later {
            Outcome.Later(kind: kind, hoursPerWeek: hours, recorded: Outcome.laterDue(end: end, months: months))
        }
        var people: [Participant] = []
        for n in 0..<16 {
            var p = person(n, start: "2026-03-02", outcome: .job, hours: 20)
            let end = p.courseEnd
            if n < 6 { p.outcome?.after3Months = later(.job, 37, 3, after: end) }
            if (6..<11).contains(n) { p.outcome?.after3Months = later(.education, nil, 3, after: end) }
            // Recorded early by a follow-along contact: counted though not yet due.
            if n < 5 { p.outcome?.after6Months = Outcome.Later(kind: .job, hoursPerWeek: 20, recorded: today) }
            people.append(p)
        }
        for n in 16..<21 { people.append(person(n, start: "2026-05-04", outcome: .education)) }
        let r = report(people)
        XCTAssertEqual(people[0].courseEnd, day("2026-08-30"))
        XCTAssertEqual(Outcome.laterDue(end: day("2026-08-30"), months: 3), day("2026-11-29"))
        XCTAssertEqual(Outcome.laterDue(end: day("2026-08-30"), months: 6), day("2027-02-28"))
        XCTAssertEqual(cell(r, "results3Months", "jobFullTime"), .count(6))
        XCTAssertEqual(cell(r, "results3Months", "education"), .count(5))
        XCTAssertEqual(cell(r, "results3Months", "unknown"), .count(5), "due, and no follow-along contact recorded it")
        XCTAssertEqual(cell(r, "results3Months", "total"), .count(16), "courses that ended 4 weeks ago are not due")
        XCTAssertEqual(cell(r, "results3Months", "jobFullTime", 1), .share(6.0 / 16.0))
        XCTAssertEqual(cell(r, "results6Months", "jobPartTime"), .count(5))
        XCTAssertEqual(cell(r, "results6Months", "total"), .count(5))
        XCTAssertEqual(cell(r, "results", "total"), .count(21), "the end results are unchanged")
        // Fewer than 5: withheld as everywhere else.
        let few = report(Array(people.prefix(3)))
        XCTAssertEqual(cell(few, "results3Months", "jobFullTime"), .suppressed)
        XCTAssertEqual(cell(few, "results3Months", "total"), .suppressed)
    }

    func testTheMedianOfAHistogram() {
        XCTAssertEqual(ReportTally.median([3: 1, 0: 1, -3: 1, 5: 1, 2: 1]), 2)
        XCTAssertEqual(ReportTally.median([1: 2, 4: 2]), 2.5)
        XCTAssertNil(ReportTally.median([:]))
    }

    func testConversationsOnTimeLateMissedAndOverdue() {
        var people: [Participant] = []
        for n in 0..<5 {
            var p = person(n, start: "2026-03-02")
            p.conversations[0].status = .held
            p.conversations[0].statusChanged = p.conversations[0].planned
            p.conversations[1].status = .held
            p.conversations[1].statusChanged = p.conversations[1].planned.adding(days: 3)
            p.conversations[2].status = n < 2 ? .missed : .planned
            people.append(p)
        }
        let r = report(people)
        XCTAssertEqual(cell(r, "conversations", "onTime"), .count(5))
        XCTAssertEqual(cell(r, "conversations", "late"), .count(5))
        XCTAssertEqual(cell(r, "conversations", "missed"), .suppressed)
        XCTAssertEqual(cell(r, "conversations", "overdue"), .suppressed, "3 overdue: fewer than 5")
        XCTAssertEqual(cell(r, "conversations", "total"), .count(15))
    }

    func testOfferFiguresByKindWithWithheldPeopleCounts() {
        var workshop = Offer(
            id: "o-w", title: "CV workshop", kind: "workshop", description: "",
            sessions: [OfferSession(day: day("2026-11-02"), start: "10:00", end: "12:00")], place: "Room 1", capacity: 10, language: "da")
        workshop.booked = (0..<8).map { Seat(participantId: "p-\($0)", since: stamp.at) }
        for n in 0..<8 { workshop.mark("p-\(n)", at: workshop.sessions[0], as: n < 6 ? .attended : .absent) }
        var network = Offer(
            id: "o-n", title: "Network", kind: "network", description: "",
            sessions: [OfferSession(day: day("2026-11-03"), start: "10:00", end: "12:00")], place: "Room 2", capacity: 12, language: "da")
        network.booked = (0..<12).map { Seat(participantId: "p-\($0)", since: stamp.at) }
        network.waiting = (12..<14).map { Seat(participantId: "p-\($0)", since: stamp.at) }
        let r = report([], offers: [workshop, network])
        let byKind = table(r, "offersByKind")
        let w = byKind.rows.first { $0.id == "workshop" }?.cells ?? []
        XCTAssertEqual(w[0], .count(1))
        XCTAssertEqual(w[1], .count(10))
        XCTAssertEqual(w[2], .count(8))
        XCTAssertEqual(w[4], .share(0.8))
        XCTAssertEqual(w[5], .withheld, "2 absent of 8: the rate would give the absent count away")
        XCTAssertEqual(w[6], .suppressed, "2 no-shows")
        let n = byKind.rows.first { $0.id == "network" }?.cells ?? []
        XCTAssertEqual(n[2], .count(12))
        XCTAssertEqual(n[3], .suppressed, "2 waiting")
        XCTAssertEqual(w[3], .count(0), "the workshop's empty waitlist is shown")
    }

    func testAKindOfOnesOwnStaysTextInTheCSV() {
        var own = Offer(
            id: "o-own", title: "Own", kind: "=1+1", description: "",
            sessions: [OfferSession(day: day("2026-11-02"), start: "10:00", end: "12:00")], place: "", capacity: 10, language: "da")
        own.booked = (0..<6).map { Seat(participantId: "p-\($0)", since: stamp.at) }
        let csv = report([], offers: [own]).written(as: .csv, strings: strings)
        XCTAssertTrue(csv.contains("\noffersByKind,'=1+1,"), csv)
        XCTAssertFalse(csv.contains(",=1+1,"), csv)
    }

    /// Every table, however made: where cells add up to a shown total, a withheld cell cannot
    /// be worked out by subtracting the shown ones, and no count of 1 to 4 people is shown.
    func testAWithheldFigureCannotBeRecoveredBySubtraction() {
        var random = SplitMix64(seed: 2026)
        for _ in 0..<300 {
            let outcomes: [Outcome.Kind?] = [.job, .education, .internship, .anotherCourse, .noChange, .other, nil]
            let people = (0..<Int.random(in: 1...30, using: &random)).map { n in
                let kind = outcomes.randomElement(using: &random) ?? nil
                let first = Int.random(in: 1...10, using: &random)
                let latest = Int.random(in: 1...10, using: &random)
                var p = person(
                    n, start: "2026-01-05", outcome: kind, hours: Int.random(in: 10...40, using: &random),
                    ratings: [["health": first], ["health": latest]])
                for months in Outcome.laterMonths where Bool.random(using: &random) {
                    let later = outcomes.randomElement(using: &random)?.map {
                        Outcome.Later(kind: $0, hoursPerWeek: Int.random(in: 10...40, using: &random), recorded: today)
                    }
                    if months == 3 { p.outcome?.after3Months = later } else { p.outcome?.after6Months = later }
                }
                return p
            }
            let r = report(people)
            for table in r.tables {
                for row in table.rows {
                    for (column, cell) in row.cells.enumerated() where table.peopleColumns.contains(column) {
                        if case .count(let n) = cell {
                            XCTAssertFalse((1...4).contains(n), "\(table.id)/\(row.id) shows \(n) people")
                        }
                    }
                }
                assertNothingRecoverable(table)
            }
        }
        // Every table from tallies of any shape, the conversations' and the results' too.
        for _ in 0..<500 {
            var tally = ReportTally()
            let size = { Int.random(in: 0...3, using: &random) == 0 ? Int.random(in: 0...60, using: &random) : Int.random(in: 0...4, using: &random) }
            tally.conversationsOnTime = size()
            tally.conversationsLate = size()
            tally.conversationsMissed = size()
            tally.conversationsOverdue = size()
            for result in ReportTally.Result.allCases { tally.results[result] = size() }
            tally.indicators["health"] = ReportTally.Movement(higher: size(), equal: size(), lower: size())
            tally.rated = size()
            tally.movedOnEnough = Int.random(in: 0...tally.rated, using: &random)
            let r = Report(
                tally: tally, offers: [], query: ReportQuery(from: day("2026-01-01"), to: today), indicators: indicators,
                strings: strings, today: today)
            for table in r.tables { assertNothingRecoverable(table) }
        }
    }

    /// The attack by subtraction on one protected table: no count of 1 to 4 people shown; in a
    /// group with a shown total, the withheld parts (total − the shown ones) are none, or at
    /// least two that add up to 5 or more; a withheld total keeps a part withheld; no share
    /// shown that is made from a withheld count.
    private func assertNothingRecoverable(_ table: ReportTable, file: StaticString = #filePath, line: UInt = #line) {
                for row in table.rows {
                    for (column, cell) in row.cells.enumerated() where table.peopleColumns.contains(column) {
                        if case .count(let n) = cell {
                            XCTAssertFalse((1...4).contains(n), "\(table.id)/\(row.id) shows \(n) people", file: file, line: line)
                        }
                    }
                }
                for (cell, sources) in table.derived where sources.contains(where: { table[$0] == .suppressed }) {
                    XCTAssertEqual(table[cell], .withheld, "\(table.id): a share of a withheld count is shown", file: file, line: line)
                }
                for group in table.groups {
                    let hidden = group.parts.filter { table[$0] == .suppressed }
                    if table[group.total] == .suppressed {
                        XCTAssertFalse(
                            hidden.isEmpty && !group.parts.isEmpty, "\(table.id): a withheld total is the sum of its shown parts")
                    } else {
                        XCTAssertNotEqual(
                            hidden.count, 1, "\(table.id): one withheld cell in a group with a shown total is total − the rest",
                            file: file, line: line)
                        guard case .count(let total) = table[group.total], !hidden.isEmpty else { continue }
                        let shown = group.parts.reduce(0) { sum, part in
                            if case .count(let n) = table[part] { return sum + n }
                            return sum
                        }
                        XCTAssertGreaterThanOrEqual(
                            total - shown, ReportTable.threshold,
                            "\(table.id): the withheld cells add up to total − the rest = \(total - shown)", file: file, line: line)
                    }
                }
    }

    /// The case found in a report: 43 on time, 1 late, 0 missed, 0 overdue of 44. Withholding
    /// the 1 and a 0 let the two add up to 44 − 43 = 1; the 43 is withheld too, and its share.
    func testWithheldCellsDoNotAddUpToASmallNumber() {
        var tally = ReportTally()
        tally.conversationsOnTime = 43
        tally.conversationsLate = 1
        tally.indicators["health"] = ReportTally.Movement(higher: 43, equal: 1, lower: 0)
        let r = Report(
            tally: tally, offers: [], query: ReportQuery(from: day("2026-01-01"), to: today), indicators: indicators,
            strings: strings, today: today)
        let conversations = table(r, "conversations")
        XCTAssertEqual(cell(r, "conversations", "late"), .suppressed)
        XCTAssertEqual(cell(r, "conversations", "onTime"), .suppressed, "1 withheld: 44 − 43 would give it away")
        XCTAssertEqual(cell(r, "conversations", "onTime", 1), .withheld, "98 % of 44 gives the 43 away")
        XCTAssertEqual(cell(r, "conversations", "missed"), .count(0))
        XCTAssertEqual(cell(r, "conversations", "total"), .count(44))
        assertNothingRecoverable(conversations)
        XCTAssertEqual(cell(r, "movement", "health", 1), .suppressed)
        XCTAssertEqual(cell(r, "movement", "health", 2), .suppressed)
        XCTAssertEqual(cell(r, "movement", "health", 4), .withheld)
        assertNothingRecoverable(table(r, "movement"))
        for format in Report.Format.allCases {
            let text = r.written(as: format, strings: strings)
            XCTAssertFalse(text.contains("43"), "\(format) shows the 43:\n\(text)")
            XCTAssertFalse(text.contains("98"), "\(format) shows 98 %:\n\(text)")
        }
        XCTAssertTrue(r.written(as: .csv, strings: strings).contains("\nconversations,onTime,count,,true"))
    }

    /// "Booked < 5 · filled hidden · attended 100 %": the attendance rate of fewer than 5
    /// people booked, or marked, is withheld with the count.
    func testTheAttendanceRateOfAWithheldNumberBookedIsWithheld() {
        var offer = Offer(
            id: "o-w", title: "CV workshop", kind: "workshop", description: "",
            sessions: [OfferSession(day: day("2026-11-02"), start: "10:00", end: "12:00")], place: "Room 1", capacity: 10, language: "da")
        offer.booked = (0..<3).map { Seat(participantId: "p-\($0)", since: stamp.at) }
        for n in 0..<3 { offer.mark("p-\(n)", at: offer.sessions[0], as: .attended) }
        var released = offer
        released.id = "o-x"
        released.booked = []
        let r = report([], offers: [offer])
        for id in ["offersByKind", "offersByOffer"] {
            let cells = table(r, id).rows.first { $0.id != "total" }?.cells ?? []
            XCTAssertEqual(cells[2], .suppressed, id)
            XCTAssertEqual(cells[4], .withheld, "\(id): the fill rate")
            XCTAssertEqual(cells[5], .withheld, "\(id): 3 of 3 attended")
            assertNothingRecoverable(table(r, id))
        }
        let marksOnly = table(report([], offers: [released]), "offersByOffer").rows.first?.cells ?? []
        XCTAssertEqual(marksOnly[2], .count(0))
        XCTAssertEqual(marksOnly[5], .withheld, "marks of 3 people, their seats given up")
        for format in Report.Format.allCases {
            XCTAssertFalse(r.written(as: format, strings: strings).contains("100"), "\(format) shows a rate of 3 people")
        }
    }

    /// A label under which a percentage is shown does not carry a "%" of its own ("Higher % 50 %").
    func testNoReportLabelEndsWithAPercentSign() throws {
        for language in ["en", "da", "sv", "de"] {
            let words = try Localizer.load(language: language, resources: resourcesURL)
            for key in words.keys where key.hasPrefix("report.") {
                XCTAssertFalse(
                    words(key).trimmingCharacters(in: .whitespaces).hasSuffix("%"), "\(language) \(key): \(words(key))")
            }
        }
    }

    func testEveryFormatHoldsTheSameFiguresAndNoNames() throws {
        let people = (0..<12).map { person($0, start: "2026-01-05", outcome: $0 < 7 ? .job : .education, hours: 37) }
        let r = report(people)
        for format in Report.Format.allCases {
            let text = r.written(as: format, strings: strings)
            XCTAssertFalse(text.contains("Person 3"), "\(format): no names")
            XCTAssertFalse(text.contains("p-3"), "\(format): no participant ids")
            XCTAssertTrue(text.contains("7") && text.contains("12"), "\(format) holds the counts:\n\(text)")
        }
        XCTAssertTrue(r.written(as: .text, strings: strings).contains("< 5"), "the withheld cells read < 5")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.written(as: .json, strings: strings).utf8)) as? [String: Any])
        XCTAssertEqual(json["suppressionThreshold"] as? Int, 5)
    }
}
