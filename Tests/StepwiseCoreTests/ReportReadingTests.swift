import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// The report reads only what it needs of each file (`DataStore.loadReportRecord`) on several
/// threads; on varied generated data its figures are those made from every record read whole
/// (`DataStore.loadParticipant`, one file after another), for every option and format.
final class ReportReadingTests: XCTestCase {
    private let today = day("2026-11-30")
    private let coaches = ["Anna", "Bo Ørsted", "Carla \"C\" Åberg"]
    private let kinds = ["workshop", "network", "internship", "course"]

    private var strings: Localizer {
        (try? Localizer.load(language: "en", resources: resourcesURL)) ?? Localizer(language: "en", table: [:], fallback: [:])
    }
    private var indicators: IndicatorSet {
        (try? IndicatorSet.load(resources: resourcesURL)) ?? IndicatorSet(indicators: [], coachBelief: [:])
    }

    /// A data folder of `count` participants spread over two years of courses, with every
    /// kind of conversation status, sessions held by different coaches, one to four rating
    /// rounds, results at the end and 3 and 6 months after, courses of other lengths, seats
    /// in offers of four kinds; and files the report cannot read (damaged, hostile, of an
    /// older version to migrate).
    private func generated(_ count: Int, seed: UInt64) throws -> (TempStore, [String]) {
        let temp = TempStore()
        try temp.store.prepare()
        var random = SplitMix64(seed: seed)
        var ids: [String] = []
        let indicatorIDs = indicators.indicators.map(\.id)
        for n in 0..<count {
            let coach = coaches[random.below(coaches.count)]
            let start = today.adding(days: -random.below(730) + 60)
            let stamp = Stamp(by: coach, at: Date(timeIntervalSince1970: 1_750_000_000 + Double(n)))
            var p = Participant(
                id: String(format: "p-%06d", n), name: n == 0 ? "Person 0" : "Per\\son \"\(n)\"\n😀 æ", language: ["da", "sv", "de", "en"][random.below(4)],
                courseStart: start, frame: random.below(5) == 0 ? CourseFrame(weeks: 13 + random.below(30), conversationWeeks: []) ?? .standard : .standard,
                by: stamp)
            for index in p.conversations.indices {
                let status: Conversation.Status = [.planned, .held, .missed, .moved][random.below(4)]
                p.conversations[index].status = status
                if status == .held { p.conversations[index].statusChanged = p.conversations[index].planned.adding(days: random.below(5) - 2) }
            }
            for s in 0..<random.below(3) {
                let present = [Presence(role: .citizen), Presence(role: .coach, name: coaches[random.below(coaches.count)])]
                p.sessions.append(CoachingSession(id: "x-\(n)-\(s)", kind: .followUp, present: present, started: stamp))
            }
            let rounds = random.below(5)
            for round in 0..<rounds {
                var scores: [String: Int] = [:]
                for id in indicatorIDs where random.below(4) > 0 { scores[id] = 1 + random.below(10) }
                p.ratings.append(
                    Rating(
                        day: start.adding(days: 30 * round + random.below(20)), sessionId: nil, scores: scores,
                        coachBelief: random.below(3) == 0 ? nil : 1 + random.below(10), stamp: stamp))
            }
            if random.below(3) > 0 {
                let kind = Outcome.Kind.allCases[random.below(Outcome.Kind.allCases.count)]
                func later() -> Outcome.Later? {
                    random.below(2) == 0
                        ? nil : Outcome.Later(kind: kind, hoursPerWeek: 10 + random.below(30), recorded: p.courseEnd.adding(days: 90))
                }
                p.outcome = Outcome(
                    kind: kind, hoursPerWeek: kind == .job ? 15 + random.below(25) : nil, text: "Moved on", day: p.courseEnd,
                    after3Months: later(), after6Months: later())
            }
            p.notes.append(
                ProgressNote(
                    id: "n-\(n)", kind: .reflection, sessionId: nil, tags: ["family"],
                    text: Words(String(repeating: "A long story, \"quoted\" \\ \u{1} \t😀 ø. ", count: 50), author: .citizen, by: p.name, at: stamp.at)))
            try temp.store.save(p)
            ids.append(p.id)
        }
        var offers: [Offer] = []
        for k in 0..<12 {
            var offer = Offer(
                id: "o-\(k)", title: "Offer \(k)", kind: kinds[k % kinds.count], description: "",
                sessions: [OfferSession(day: today.adding(days: -30 * k), start: "10:00", end: "12:00")], place: "Room", capacity: 40,
                language: "da")
            offer.booked = (0..<random.below(40)).map { _ in Seat(participantId: ids[random.below(ids.count)], since: Date()) }
            if k == 11 { offer.status = .cancelled }
            offers.append(offer)
        }
        for offer in offers { try temp.store.save(offer) }
        let folder = temp.url.appendingPathComponent("participants")
        func write(_ id: String, _ text: String) throws {
            try Data(text.utf8).write(to: folder.appendingPathComponent(id + ".json"))
        }
        let sound = try String(contentsOf: folder.appendingPathComponent(ids[0] + ".json"), encoding: .utf8)
        try write("p-truncated", String(sound.prefix(400)))
        try write("p-emptyname", sound.replacingOccurrences(of: #""name" : "Person 0""#, with: #""name" : " ""#))
        try write("p-otherid", sound)
        try write("p-badnumber", sound.replacingOccurrences(of: #""number" : 2"#, with: #""number" : 7"#))
        try write("p-nested", String(sound.dropLast(2)) + #", "deep" : "# + String(repeating: "[", count: 80) + String(repeating: "]", count: 80) + "}\n")
        try write("p-newer", sound.replacingOccurrences(of: #""schemaVersion" : 1"#, with: #""schemaVersion" : 9"#))
        let older = sound.replacingOccurrences(of: #""schemaVersion" : 1,"#, with: "").replacingOccurrences(of: ids[0], with: "p-older")
        try write("p-older", older)
        let surrogates = sound.replacingOccurrences(of: #""text" : "A long"#, with: #""text" : "\ud83d\ude00 \u00e6 A long"#)
        try write("p-surrogates", surrogates.replacingOccurrences(of: ids[0], with: "p-surrogates"))
        let lone = sound.replacingOccurrences(of: #""text" : "A long"#, with: #""text" : "\ud83d A long"#)
        try write("p-lonesurrogate", lone.replacingOccurrences(of: ids[0], with: "p-lonesurrogate"))
        let escapedKey = sound.replacingOccurrences(of: #""language""#, with: #""\u006canguage""#)
        try write("p-escapedkey", escapedKey.replacingOccurrences(of: ids[0], with: "p-escapedkey"))
        // A surrogate written as UTF-8 (ED A0 80) is not UTF-8.
        var bad = Data(sound.replacingOccurrences(of: ids[0], with: "p-badutf8").utf8)
        if let range = bad.range(of: Data("A long".utf8)) { bad.replaceSubrange(range, with: [0x41, 0x20, 0xED, 0xA0, 0x80]) }
        try bad.write(to: folder.appendingPathComponent("p-badutf8.json"))
        return (temp, ids)
    }

    /// The report as it was made before the report read only part of each file: every record
    /// read whole, one after another, and added to one tally.
    private func wholeRecordReport(_ store: DataStore, _ query: ReportQuery) -> Report {
        let offers = store.loadOffers().offers
        var seats: [String: [String: String]] = [:]
        for offer in offers where offer.status == .open {
            for seat in offer.booked { seats[seat.participantId, default: [:]][offer.id] = offer.kind }
        }
        var tally = ReportTally()
        var unreadable = 0
        for id in store.participantIDs() {
            guard let participant = try? store.loadParticipant(id) else {
                unreadable += 1
                continue
            }
            let booked = seats[id] ?? [:]
            guard query.includes(participant, bookedKinds: Set(booked.values)) else { continue }
            tally.add(participant, booked: booked, query: query, today: today)
        }
        return Report(
            tally: tally, offers: offers, query: query, indicators: indicators, strings: strings, today: today, unreadable: unreadable)
    }

    func testEachFileReadsAsTheReportsViewOfTheWholeRecord() throws {
        let (temp, _) = try generated(120, seed: 7)
        defer { temp.cleanUp() }
        var unreadable: [String] = []
        for id in temp.store.participantIDs() {
            let whole = try? temp.store.loadParticipant(id)
            let part = try? temp.store.loadReportRecord(id)
            XCTAssertEqual(part, whole.map(ReportRecord.init), id)
            if part == nil { unreadable.append(id) }
        }
        XCTAssertEqual(unreadable, ["p-badnumber", "p-badutf8", "p-emptyname", "p-lonesurrogate", "p-nested", "p-newer", "p-otherid", "p-truncated"])
        XCTAssertEqual(try temp.store.loadReportRecord("p-older").schemaVersion, 1, "an older file is migrated")
        // Every sound file of the current version is read in one pass, not whole (the id and
        // the version are checked after that pass).
        let folder = temp.url.appendingPathComponent("participants")
        let onePass = try temp.store.participantIDs().filter { id in
            ReportRecordReader.read(try Data(contentsOf: folder.appendingPathComponent(id + ".json"))) != nil
        }
        XCTAssertEqual(Set(temp.store.participantIDs()).subtracting(onePass), Set(unreadable + ["p-older", "p-escapedkey"]).subtracting(["p-otherid", "p-newer"]))
    }

    func testTheFiguresAreThoseOfEveryRecordReadWholeForEveryOptionAndFormat() throws {
        let (temp, _) = try generated(400, seed: 42)
        defer { temp.cleanUp() }
        let year = ReportQuery.lastTwelveMonths(today: today)
        var queries = [year, ReportQuery(from: day("2025-01-01"), to: day("2025-06-30")), ReportQuery(from: today.adding(days: -2000), to: today.adding(days: 400))]
        for coach in coaches { queries.append(ReportQuery(from: year.from, to: year.to, coach: coach)) }
        for kind in kinds + ["none"] { queries.append(ReportQuery(from: year.from, to: year.to, offerKind: kind)) }
        for language in ["da", "sv", "de", "en"] { queries.append(ReportQuery(from: year.from, to: year.to, language: language)) }
        queries.append(ReportQuery(from: year.from, to: year.to, cohort: day("2025-06-01")...day("2025-12-31")))
        for n in [1, 2, 5] { queries.append(ReportQuery(from: year.from, to: year.to, minimumIndicators: n)) }
        queries.append(ReportQuery(from: year.from, to: year.to, coach: "Anna", language: "da", minimumIndicators: 2))
        for query in queries {
            let whole = wholeRecordReport(temp.store, query)
            for workers in [1, 2, 3] {
                let fast = Report.make(store: temp.store, query: query, indicators: indicators, strings: strings, today: today, workers: workers)
                XCTAssertEqual(fast, whole, "\(query) with \(workers) threads")
                for format in Report.Format.allCases {
                    XCTAssertEqual(fast?.written(as: format, strings: strings), whole.written(as: format, strings: strings), "\(format)")
                }
            }
            XCTAssertEqual(whole.unreadable, 8)
        }
    }

    func testAReportStoppedOnTheWayGivesNothingAndTellsItsProgress() throws {
        let (temp, ids) = try generated(1_200, seed: 3)
        defer { temp.cleanUp() }
        let seen = Seen()
        let query = ReportQuery.lastTwelveMonths(today: today)
        let made = Report.make(
            store: temp.store, query: query, indicators: indicators, strings: strings, today: today, workers: 2,
            progress: { done, total in seen.note(done, total) })
        XCTAssertNotNil(made)
        let total = ids.count + 11
        XCTAssertEqual(seen.calls, [0, 500, 1_000, total].map { [$0, total] })
        let stopped = Report.make(
            store: temp.store, query: query, indicators: indicators, strings: strings, today: today, stop: { true })
        XCTAssertNil(stopped)
    }
}

/// Progress calls as they came.
private final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [[Int]] = []
    var calls: [[Int]] { lock.withLock { list } }
    func note(_ done: Int, _ total: Int) { lock.withLock { list.append([done, total]) } }
}
