import Foundation
import XCTest

import StepwiseTestSupport

@testable import StepwiseCore
@testable import StepwiseUI

/// A list's scroll marks name what it lists, in every language, and the offer title column
/// uses a wide screen's extra width.
final class ListWordsTests: XCTestCase {
    /// 19 people on a caseload of 18 rows: 17 shown, 2 more below.
    private func crowdedCaseload(width: Int = 80) -> AppState {
        var state = Fixtures.state(width: width)
        state.caseload = Caseload(
            (1...19).map { n in
                .participant(CaseloadEntry(Fixtures.participant("p-\(n)", "Person \(n < 10 ? "0" : "")\(n)", start: "2026-10-05")))
            })
        return state
    }

    /// The scroll marks on the screen, trimmed.
    private func marks(_ screen: ScreenBuffer) -> [String] {
        screen.lines().map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("↓ ") || $0.hasPrefix("↑ ") }
    }

    func testTheCaseloadCountsParticipantsInEveryLanguage() {
        let below = ["en": "↓ 2 more participants", "da": "↓ 2 deltagere mere", "sv": "↓ 2 deltagare till", "de": "↓ 2 weitere Teilnehmende"]
        let above = ["en": "↑ 2 more participants", "da": "↑ 2 deltagere mere", "sv": "↑ 2 deltagare till", "de": "↑ 2 weitere Teilnehmende"]
        for language in ["en", "da", "sv", "de"] {
            var state = crowdedCaseload()
            XCTAssertEqual(marks(Fixtures.screen(state, language)), [below[language]], language)
            state.selection = 18
            XCTAssertEqual(marks(Fixtures.screen(state, language)), [above[language]], language)
        }
    }

    /// 40 offers in the catalogue: the marks count offers, also those the screen did not lay
    /// out, never the lines (which include a heading).
    func testTheCatalogueAndTheOffersTabCountOffers() {
        var state = Fixtures.state()
        let day = Day(iso: "2026-12-01") ?? Fixtures.today
        state.offers = (1...40).map { n in
            Offer(
                id: "o-\(n)", title: "Workshop \(n < 10 ? "0" : "")\(n)", kind: "workshop", description: "",
                sessions: [OfferSession(day: day, start: "10:00", end: "11:00")], place: "", capacity: 5, language: "da")
        }
        state.catalogue = CatalogueState()
        let words = ["en": "more offers", "da": "tilbud mere", "sv": "insatser till", "de": "weitere Angebote"]
        for language in ["en", "da", "sv", "de"] {
            let shown = Fixtures.screen(state, language)
            let rows = shown.lines().filter { $0.contains("Workshop ") }.count
            XCTAssertEqual(marks(shown), ["↓ \(40 - rows) " + (words[language] ?? "")], language)
        }
        state.catalogue = nil
        state.open = OpenParticipant(participant: Fixtures.soren, heldBy: nil)
        state.open?.tab = .offers
        let tab = Fixtures.screen(state, "da")
        let rows = tab.lines().filter { $0.contains("Workshop ") }.count
        XCTAssertEqual(marks(tab), ["↓ \(40 - rows) tilbud mere"])
    }

    /// A 52-column title is shown whole at 132 columns, its dates start in one column after the
    /// longest title; at 80 columns the title column stays 30 wide.
    func testTheOfferTitleColumnGrowsWithTheWidth() {
        let long = "Virksomhedspraktik med mentorstøtte i detailhandlen"
        for width in [80, 100, 132] {
            var state = Fixtures.state(width: width, height: 24)
            var offer = Fixtures.offers[1]
            offer.title = long
            state.offers = [Fixtures.offers[0], offer]
            state.catalogue = CatalogueState()
            let lines = Fixtures.screen(state).lines()
            guard let short = lines.first(where: { $0.contains("Mentorstøtte") }),
                let wide = lines.first(where: { $0.contains("Virksomhedspraktik") })
            else { return XCTFail("\(width): the offers are not listed") }
            let column = short.distance(from: short.startIndex, to: short.range(of: "Mon")?.lowerBound ?? short.endIndex)
            let title = short.distance(from: short.startIndex, to: short.range(of: "Mentorstøtte")?.lowerBound ?? short.endIndex)
            let expected = min(30 + width - 80, max(30, long.count))
            XCTAssertEqual(column - title - 1, expected, "\(width): the date column starts after a title column of \(expected)")
            if width == 132 { XCTAssertTrue(wide.contains(long + " "), "\(width): \(wide)") }
        }
    }
}

/// One spelling per word in each language's table: a word is not written both with a hyphen
/// and without ("Peermedarbejder" beside "peer-medarbejder").
final class OneSpellingTests: XCTestCase {
    func testNoWordIsWrittenBothWithAndWithoutAHyphen() throws {
        for language in ["en", "da", "sv", "de"] {
            let url = resourcesURL.appendingPathComponent("strings/\(language).json")
            let table = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
            var words: [String: Set<String>] = [:]
            for text in table.values {
                for word in text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }) where word.contains("-") || word.count > 3 {
                    let plain = word.replacingOccurrences(of: "-", with: "")
                    words[plain, default: []].insert(String(word).trimmingCharacters(in: CharacterSet(charactersIn: "-")))
                }
            }
            let doubles = words.values.filter { $0.count > 1 }.map { $0.sorted().joined(separator: " / ") }.sorted()
            XCTAssertEqual(doubles, [], language)
        }
    }
}

/// On the participant's screen, long outcome texts and rating statements wrap at spaces, and a
/// header row with no room for a second line says less instead of cutting words.
final class WrappedWordsTests: XCTestCase {
    private let outcomeText =
        "Fastansættelse som lagermedarbejder hos Brdr. Hansen i Vejle efter praktikken, med mentorstøtte de første tre måneder"

    private func progress(_ language: String, width: Int = 80) -> [String] {
        var state = Fixtures.state(width: width)
        var p = Fixtures.soren
        p.outcome = Outcome(kind: .job, hoursPerWeek: 30, text: outcomeText, day: Fixtures.today)
        state.open = OpenParticipant(participant: p, heldBy: nil)
        state.open?.tab = .progress
        return Fixtures.screen(state, language).lines()
    }

    func testALongOutcomeIsFullyVisibleAt80x24() {
        for language in ["en", "da", "sv", "de"] {
            let lines = progress(language)
            let shown = lines.joined(separator: " ").split(separator: " ").map(String.init)
            for word in outcomeText.split(separator: " ") {
                XCTAssertTrue(shown.contains { $0.hasPrefix(word) }, "\(language): “\(word)” is not on the screen:\n\(lines.joined(separator: "\n"))")
            }
            XCTAssertFalse(lines.contains { $0.contains("…") }, "\(language):\n\(lines.joined(separator: "\n"))")
        }
    }

    /// A statement longer than its room is wrapped, beside the bars and above them.
    func testALongStatementInTheChartWraps() {
        let label = "Ich komme in einer normalen Woche mit meiner Gesundheit und mit allem, was dazugehört, gut zurecht"
        let s = Fixtures.env("de").strings
        for width in [78, 130] {
            let lines = IndicatorChart.lines([.init(label: label, first: 4, latest: 6)], strings: s, width: width)
            let text = lines.map { $0.segments.map(\.text).joined() }
            XCTAssertTrue(text.allSatisfy { DisplayWidth.of($0) <= width }, "\(width):\n\(text.joined(separator: "\n"))")
            let words = text.joined(separator: " ").split(separator: " ").map(String.init)
            for word in label.split(separator: " ") { XCTAssertTrue(words.contains(String(word)), "\(width): “\(word)”") }
        }
    }

    /// A session with a long kind at 80 columns: the header says it without the key hint
    /// rather than cut.
    func testTheRunningSessionLineIsNeverCut() {
        for language in ["en", "da", "sv", "de"] {
            var state = Fixtures.state()
            var p = Fixtures.soren
            p.sessions = [CoachingSession(id: "s-1", kind: .internshipFollowUp, present: [], started: Fixtures.stamp)]
            state.open = OpenParticipant(participant: p, heldBy: nil)
            let row = Fixtures.screen(state, language).lines()[2]
            XCTAssertTrue(row.contains("●"), "\(language): \(row)")
            XCTAssertFalse(row.contains("…"), "\(language): \(row)")
        }
    }
}

/// The caseload's overdue warning stays whole at 80 columns in every language: the date gives
/// up its year, then its weekday.
final class OverdueWarningTests: XCTestCase {
    func testTheOverdueWarningIsWholeOnTheCaseloadAt80Columns() {
        for language in ["en", "da", "sv", "de"] {
            let warning = "⚠ " + Fixtures.env(language).strings("conversation.overdue")
            let lines = Fixtures.screen(Fixtures.state(), language).lines().filter { $0.contains("⚠") }
            XCTAssertFalse(lines.isEmpty, language)
            for line in lines { XCTAssertTrue(line.trimmingCharacters(in: .whitespaces).hasSuffix(warning), "\(language): \(line)") }
        }
    }
}
