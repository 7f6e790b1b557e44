import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// The report screen (R on the caseload) and the paired-bar chart it shares with the progress
/// tab, drawn from a fixed organisation of 14 people.
final class ReportScreenTests: XCTestCase {
    /// 14 people who started on 2026-01-05 (their courses ended on 2026-07-05): 8 reached a job
    /// (6 full time), 3 an education, 3 no change; 7 were in a full-time job 3 months later;
    /// their health went up for 10 and down for 4, their everyday rhythm and network moved a
    /// little; their belief was rated by 3 only; the other indicators by no one.
    static var people: [Participant] {
        (0..<14).map { n in
            var p = Participant(
                id: "p-\(n)", name: "Person \(n)", language: "da", courseStart: Day(iso: "2026-01-05") ?? Fixtures.today,
                by: Fixtures.stamp)
            let kind: Outcome.Kind = n < 8 ? .job : n < 11 ? .education : .noChange
            p.outcome = Outcome(
                kind: kind, hoursPerWeek: kind == .job ? (n < 6 ? 37 : 20) : nil, text: "", day: p.courseEnd,
                after3Months: n < 7 ? Outcome.Later(kind: .job, hoursPerWeek: 37, recorded: p.courseEnd.adding(days: 91)) : nil)
            var first = ["health": 3 + n % 3, "everyday": 5, "network": 6 - n % 2]
            var latest = ["health": n < 10 ? 7 + n % 3 : 2, "everyday": 4 + n % 4, "network": 6]
            if n < 3 {
                first["belief"] = 4
                latest["belief"] = 6
            }
            p.ratings = [
                Rating(day: Day(iso: "2026-01-12") ?? Fixtures.today, sessionId: nil, scores: first, coachBelief: nil, stamp: Fixtures.stamp),
                Rating(day: Day(iso: "2026-05-04") ?? Fixtures.today, sessionId: nil, scores: latest, coachBelief: nil, stamp: Fixtures.stamp),
            ]
            return p
        }
    }

    /// The caseload with the report screen open on its report for `language`.
    static func state(_ language: String = "en", width: Int = 80, height: Int = 24) -> AppState {
        var state = Fixtures.state(width: width, height: height)
        var screen = ReportScreen()
        screen.scope = .organisation
        let query = screen.query(today: state.today, coach: state.coach)
        var tally = ReportTally()
        for p in people { tally.add(p, booked: [:], query: query, today: state.today) }
        let env = Fixtures.env(language)
        screen.report = Report(
            tally: tally, offers: Fixtures.offers, query: query, indicators: env.indicators, strings: env.strings, today: state.today)
        state.report = screen
        return state
    }

    func testTheReportScreenDrawsBarsWithFiguresAndWithholdsSmallCounts() {
        let screen = Fixtures.screen(Self.state())
        expectScreenSnapshot(screen, named: "report-80x24")
        let text = screen.text
        XCTAssertTrue(text.contains("Whole organisation"), text)
        XCTAssertTrue(text.contains("Period: 23 Nov 2025 – 22 Nov 2026 · 12 months"), text)
        XCTAssertTrue(text.contains("↓ "), "more lines below at 80x24\n\(text)")
        let rows = text.split(separator: "\n").map(String.init)
        let counted = rows.first { $0.contains("Counted in this report") } ?? ""
        XCTAssertTrue(counted.contains("14  ███"), "a count with its bar beside it\n\(text)")
        let danish = Fixtures.screen(Self.state("da"), "da")
        XCTAssertTrue(danish.text.contains("Hele organisationen"), danish.text)
        XCTAssertTrue(danish.text.contains("Talt med i rapporten                14  ███"), danish.text)
        expectScreenSnapshot(danish, named: "report-da-80x24")
        // Scrolled to the step movement: the paired bars of the median first and latest rating.
        for language in ["en", "da"] {
            var state = Self.state(language)
            let env = Fixtures.env(language)
            let lines = state.report?.report.map { ReportView.lines($0, env: env, width: 78) } ?? []
            state.report?.scroll = lines.firstIndex { $0.segments.first?.text == env.strings("report.movement") } ?? 0
            let screen = Fixtures.screen(state, language)
            XCTAssertTrue(screen.text.contains(env.strings("report.movement")), screen.text)
            expectScreenSnapshot(screen, named: language == "en" ? "report-movement-80x24" : "report-movement-da-80x24")
        }
    }

    /// At 80 columns no table cuts a row's name or a column in any language: a long name has a
    /// line of its own, and figures wider than the screen are listed as pairs that wrap.
    func testNothingIsCutInAnyLanguageAt80Columns() {
        for language in ["en", "da", "sv", "de"] {
            let env = Fixtures.env(language)
            guard let report = Self.state(language).report?.report else { return XCTFail("no report") }
            let lines = ReportView.lines(report, env: env, width: 78).map { $0.segments.map(\.text).joined() }
            XCTAssertEqual(lines.filter { $0.contains("…") }, [], language)
            // (a wrapped line may end in the space it was broken at; that space is never drawn)
            XCTAssertEqual(lines.filter { DisplayWidth.of(String($0.reversed().drop { $0 == " " }.reversed())) > 78 }, [], language)
            for table in report.tables {
                for row in table.rows where row.id != "total" {
                    XCTAssertTrue(lines.joined(separator: " ").contains(row.label.split(separator: " ").first.map(String.init) ?? ""), row.label)
                }
            }
        }
    }

    func testWithheldCountsReadAsInTheCLIAndHaveNoBar() {
        let env = Fixtures.env()
        guard let report = Self.state().report?.report else { return XCTFail("no report") }
        let lines = ReportView.lines(report, env: env, width: 78).map { $0.segments.map(\.text).joined() }
        // Education (3 people) and no change (3 people) are withheld, each "< 5", without a bar.
        for label in ["Education", "No change"] {
            let line = lines.first { $0.hasPrefix(label) } ?? ""
            XCTAssertTrue(line.contains("< 5"), "\(label): \(line)")
            XCTAssertFalse(line.contains("█") || line.contains("▏"), "no bar gives a withheld count away: \(line)")
            XCTAssertEqual(
                Report.words(report.tables.first { $0.id == "results" }?.rows.first { $0.label == label }?.cells[0] ?? .none, strings: env.strings),
                "< 5", "the same words as stepwise report")
        }
        // The belief was rated by 3: its chart row says so instead of drawing medians.
        XCTAssertTrue(lines.contains { $0.contains("< 5 people: withheld") }, lines.joined(separator: "\n"))
        // Health: the median first 4 (five 3s, five 4s, four 5s), latest 7 (four 2s, four 7s,
        // three 8s, three 9s).
        let health = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "I can handle my health in an ordinary week" }
        guard let health else { return XCTFail(lines.joined(separator: "\n")) }
        XCTAssertTrue(lines[health + 1].contains("first") && lines[health + 1].hasSuffix(" 4     ▲ +3 since then"), lines[health + 1])
        XCTAssertTrue(lines[health + 2].contains("latest") && lines[health + 2].hasSuffix(" 7   "), lines[health + 2])
    }

    func testTheWholeReportScrollsAndUsesAWideTerminal() {
        var state = Self.state()
        let env = Fixtures.env()
        _ = Update.handle(.end, state: &state, env: env)
        let end = Fixtures.screen(state).text
        XCTAssertTrue(Fixtures.screen(Self.state()).text.contains("more lines"), "more below at the top")
        XCTAssertFalse(end.contains("more lines"), "at the end nothing is below\n\(end)")
        XCTAssertTrue(end.contains("Offers booked by participants who reached work"), end)
        let wide = Fixtures.screen(Self.state(width: 132, height: 40))
        expectScreenSnapshot(wide, named: "report-132x40")
        let narrowBar = Fixtures.screen(Self.state()).text.split(separator: "\n").first { $0.contains("Counted in this report") } ?? ""
        let wideBar = wide.text.split(separator: "\n").first { $0.contains("Counted in this report") } ?? ""
        XCTAssertGreaterThan(wideBar.filter { $0 == "█" }.count, narrowBar.filter { $0 == "█" }.count, "longer bars at 132 columns")
    }

    func testKeysOpenTheScreenSwitchScopeAndMoveThePeriod() {
        var state = Fixtures.state()
        let env = Fixtures.env()
        let today = state.today
        XCTAssertEqual(
            Update.handle(.char("R"), state: &state, env: env),
            [.makeReport(ReportQuery(from: today.adding(days: -364), to: today, coach: "Anna"))], "the coach's own caseload first")
        XCTAssertEqual(state.context, .report)
        XCTAssertTrue(Fixtures.screen(state).text.contains("Counting…"))
        XCTAssertEqual(
            Update.handle(.tab, state: &state, env: env), [.makeReport(ReportQuery(from: today.adding(days: -364), to: today))],
            "Tab: the whole organisation")
        XCTAssertEqual(Update.handle(.right, state: &state, env: env), [], "no period after today")
        XCTAssertEqual(
            Update.handle(.left, state: &state, env: env),
            [.makeReport(ReportQuery(from: today.adding(days: -729), to: today.adding(days: -365)))])
        XCTAssertEqual(
            Update.handle(.char("p"), state: &state, env: env), [.makeReport(ReportQuery(from: Day(iso: "2026-05-23") ?? today, to: today))],
            "p: six calendar months, back to the one ending today")
        // A report made for a query since left is not shown.
        let stale = Report(
            tally: ReportTally(), offers: [], query: ReportQuery(from: today.adding(days: -364), to: today), indicators: env.indicators,
            strings: env.strings, today: today)
        _ = Update.apply(.reportMade(stale), state: &state, env: env)
        XCTAssertNil(state.report?.report)
        _ = Update.handle(.escape, state: &state, env: env)
        XCTAssertEqual(state.context, .caseload)
    }

    func testTheChartBarIsDrawnInEighths() {
        XCTAssertEqual(IndicatorChart.bar(6.5, width: 10), "██████▌   ")
        XCTAssertEqual(IndicatorChart.bar(10, width: 4), "████")
        XCTAssertEqual(IndicatorChart.bar(7, width: 10), "███████   ", "nothing drawn over the bar's cells")
        XCTAssertEqual(IndicatorChart.bar(nil, width: 5), "·····")
        XCTAssertEqual(IndicatorChart.blocks(0.33, width: 10), "███▎")
    }
}
