import Foundation
import StepwiseApp
import StepwiseCore
import StepwiseUI
import XCTest

/// Pathological records stay usable: wrapping is linear in the text's length (a word of a
/// megabyte, with no space to break at, is cut in one pass). Checked by scaling, not by the
/// clock: four times the text may cost about four times as much, never sixteen.
final class PathologicalRecordTests: XCTestCase {
    /// The least of three timings of `body` on a text of `size` characters, in seconds.
    private func fastest(_ size: Int, _ body: (String) -> Void) -> Double {
        let text = String(repeating: "abcdefghij", count: size / 10)
        return (0..<3).map { _ in
            let start = Date()
            body(text)
            return Date().timeIntervalSince(start)
        }.min() ?? 0
    }

    /// Fails when `body` on 4× the text takes more than 8× as long (linear: 4×; quadratic: 16×).
    private func assertLinear(_ name: String, file: StaticString = #filePath, line: UInt = #line, _ body: (String) -> Void) {
        let small = fastest(100_000, body)
        let large = fastest(400_000, body)
        XCTAssertLessThan(large / max(small, 1e-6), 8, "\(name): \(small) s for 100,000 characters, \(large) s for 400,000", file: file, line: line)
    }

    func testWrappingALongWordIsLinear() {
        assertLinear("DisplayWidth.wrap") { XCTAssertEqual(DisplayWidth.wrap($0, width: 78).count, ($0.count + 77) / 78) }
        assertLinear("SummaryText.wrap") { XCTAssertEqual(SummaryText.wrap($0, width: 78).count, ($0.count + 77) / 78) }
        assertLinear("StyledLine.wrapped") { XCTAssertGreaterThan(StyledLine("  " + $0).wrapped(width: 78, indent: 4).count, $0.count / 78) }
        assertLinear("TextField.rows") { XCTAssertGreaterThan(TextField($0, maxLength: 1_000_000, multiline: true).rows(width: 60).count, $0.count / 60) }
    }

    func testAWrappedLongWordKeepsEveryCharacter() {
        let word = String(repeating: "åbcdé", count: 50)
        XCTAssertEqual(DisplayWidth.wrap(word, width: 7).joined(), word)
        XCTAssertTrue(DisplayWidth.wrap(word, width: 7).allSatisfy { DisplayWidth.of($0) <= 7 })
        XCTAssertEqual(SummaryText.wrap("x " + word, width: 7).joined(separator: " "), "x " + word.pieces(7).joined(separator: " "))
        let lines = StyledLine("ab " + word + " cd").wrapped(width: 10, indent: 2)
        XCTAssertEqual(lines.map { $0.segments.map(\.text).joined() }.joined().replacingOccurrences(of: " ", with: ""), "ab" + word + "cd")
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0.segments.map(\.text).joined()) <= 10 })
    }
}

/// The cost of a key does not grow with the data behind the screen: a key that only moves
/// the selection on a plan of 10,000 goals, on a megabyte of notes, or on an offers tab of
/// 5,000 offers costs about what it costs on a small record (the tabs' lines and the offers'
/// list are kept between keys, `ParticipantMemo`, `AppState.listed`). Checked as ratios of
/// medians, which hold on a shared machine where absolute times do not.
final class KeyCostTests: XCTestCase {
    static let day = Day(AppHarness.start, timeZone: .gmt)
    static let by = Stamp(by: "Anna", at: AppHarness.start)

    /// An empty data folder at 80×24 holding `participant` and `offers` (written as files, as
    /// another terminal would leave them), with `participant` open.
    private func opened(_ participant: Participant, offers: Int = 0) throws -> AppHarness {
        let h = try AppHarness(demo: false, width: 80, height: 24)
        try h.store.save(participant)
        let folder = h.store.root.appendingPathComponent("offers")
        for number in 0..<offers {
            let offer = Offer(
                id: "o-\(number)", title: "Job club \(number)", kind: OfferKind.builtIn[number % OfferKind.builtIn.count],
                description: "Practice for interviews, with coffee.",
                sessions: [OfferSession(day: Self.day.adding(days: number % 90), start: "09:30", end: "12:00")],
                place: "Jobcenter Nord", capacity: 12, language: number % 2 == 0 ? "da" : "en")
            try RecordCodec.encode(offer).write(to: folder.appendingPathComponent("o-\(number).json"))
        }
        try h.restart()
        h.open(participant.name)
        return h
    }

    private func participant(_ name: String) -> Participant {
        Participant(id: "p-" + name.lowercased().replacingOccurrences(of: " ", with: "-"), name: name, language: "en", courseStart: Self.day, by: Self.by)
    }

    /// The median times, in seconds, of one key and the frame after it on `small` and on
    /// `large`, over `rounds` keys each alternating ↓ and ↑ (after two not counted, so that
    /// what a tab lays out once is made). The two take turns key by key, so that a moment when
    /// the machine is busy falls on both alike.
    private func medianKeys(_ small: AppHarness, _ large: AppHarness, rounds: Int = 21) -> (small: Double, large: Double) {
        let timed = { (h: AppHarness, round: Int) -> Double in
            let start = Date()
            h.press(round % 2 == 0 ? .down : .up)
            _ = h.app.render()
            return Date().timeIntervalSince(start)
        }
        for h in [small, large] { h.press(.down, .up) }
        var samples: (small: [Double], large: [Double]) = ([], [])
        for round in 0..<rounds {
            samples.small.append(timed(small, round))
            samples.large.append(timed(large, round))
        }
        let median = { (values: [Double]) in values.sorted()[values.count / 2] }
        return (median(samples.small), median(samples.large))
    }

    /// Fails when a key on the large record costs more than three times one on the small.
    /// Both records fill the screen, so that the frames draw as many characters and what
    /// is compared is the data behind the screen.
    private func assertFlat(_ name: String, small: AppHarness, large: AppHarness, file: StaticString = #filePath, line: UInt = #line) {
        let (a, b) = medianKeys(small, large)
        XCTAssertLessThanOrEqual(
            b / max(a, 1e-4), 3, "\(name): \(a * 1000) ms a key on the small record, \(b * 1000) ms on the large", file: file, line: line)
    }

    private func withGoals(_ count: Int) -> Participant {
        var p = participant("Many Goals")
        p.plan.goals = (0..<count).map { Goal(id: "g-\($0)", kind: .job, text: Words("Goal number \($0)", author: .citizen, by: "Anna", at: AppHarness.start)) }
        return p
    }

    private func withNotes(_ texts: [String]) -> Participant {
        var p = participant("Long Notes")
        p.notes = texts.enumerated().map { index, text in
            ProgressNote(id: "n-\(index)", kind: .note, sessionId: nil, tags: [], text: Words(text, author: .coach, by: "Anna", at: AppHarness.start))
        }
        return p
    }

    func testAKeyOnAPlanOf10000GoalsCostsAboutWhatItDoesOn10() throws {
        let small = try opened(withGoals(10))
        let large = try opened(withGoals(10_000))
        XCTAssertTrue(large.screen.contains("Goal number 0"), large.screen)
        assertFlat("plan", small: small, large: large)
    }

    func testAKeyOnAMegabyteOfNotesCostsAboutWhatItDoesOnAScreenfulOfNotes() throws {
        let small = try opened(withNotes([String(repeating: "lorem ipsum dolor sit amet ", count: 60), String(repeating: "x", count: 1_600)]))
        let large = try opened(withNotes([String(repeating: "lorem ipsum dolor sit amet ", count: 480_000 / 27), String(repeating: "x", count: 480_000)]))
        for h in [small, large] { h.press(.char("3")) }
        XCTAssertEqual(large.state.open?.tab, .notes)
        XCTAssertTrue(large.screen.contains("xxxxxxxxxx"), large.screen)
        assertFlat("notes", small: small, large: large)
    }

    /// The progress, summary and jobs tabs of a record with 10,000 goals and a megabyte of notes.
    func testAKeyOnTheOtherTabsOfALargeRecordCostsAboutWhatItDoesOnASmallOne() throws {
        var large = withNotes([String(repeating: "lorem ipsum dolor sit amet ", count: 480_000 / 27)])
        large.plan = withGoals(10_000).plan
        let small = try opened(withGoals(10))
        let big = try opened(large)
        for tab in [Tab.progress, .summary, .jobs] {
            for h in [small, big] { h.press(.char(Character(String(tab.rawValue + 1)))) }
            XCTAssertEqual(big.state.open?.tab, tab)
            assertFlat("\(tab)", small: small, large: big)
        }
    }

    /// The plan's history, and a version of 10,000 goals opened in it.
    func testAKeyInTheHistoryOfALargePlanCostsAboutWhatItDoesInASmallOne() throws {
        let small = try opened(withGoals(10))
        let large = try opened(withGoals(10_000))
        for h in [small, large] {
            h.press(.char("g"))
            h.type("One more goal")
            h.press(.enter, .char("h"))
        }
        XCTAssertNotNil(large.state.historyBrowser, large.screen)
        assertFlat("history", small: small, large: large)
        for h in [small, large] { h.press(.enter) }
        XCTAssertNotNil(large.state.historyBrowser?.viewing, large.screen)
        XCTAssertTrue(large.screen.contains("Goal number"), large.screen)
        assertFlat("a version in the history", small: small, large: large)
    }

    func testAKeyOnTheOffersTabOf5000OffersCostsAboutWhatItDoesOf50() throws {
        let small = try opened(participant("Offer Reader"), offers: 50)
        let large = try opened(participant("Offer Reader"), offers: 5_000)
        for h in [small, large] { h.press(.char("2")) }
        XCTAssertEqual(large.state.offers.count, 5_000)
        XCTAssertTrue(large.screen.contains("Job club"), large.screen)
        assertFlat("offers", small: small, large: large)
    }

    /// The summary tab after the catalogue was read afresh (each switch to a tab that lists it
    /// reads it again: the same offers in a new array): a key does not compare 5,000 offers.
    func testAKeyOnTheSummaryTabAfterTheCatalogueIsReadAgainCostsAboutWhatItDoesWith50Offers() throws {
        let small = try opened(participant("Offer Reader"), offers: 50)
        let large = try opened(participant("Offer Reader"), offers: 5_000)
        for h in [small, large] { h.press(.char("5"), .char("2"), .char("5")) }
        XCTAssertEqual(large.state.open?.tab, .summary)
        XCTAssertEqual(large.state.offers.count, 5_000)
        assertFlat("summary", small: small, large: large)
    }
}

extension String {
    fileprivate func pieces(_ width: Int) -> [String] { DisplayWidth.pieces(self, width: width) }
}
