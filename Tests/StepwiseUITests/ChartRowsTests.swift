import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// The progress tab's chart: every change names what it compares ("since then" on the bar it
/// is counted from), the summary line above counts the same changes, and every bar's cells
/// read true (nothing is drawn over them).
final class ChartRowsTests: XCTestCase {
    private let ids = ["health", "everyday", "belief", "cooperation", "jobSearch", "labourMarket", "network", "skills"]

    /// A citizen rated 3, then 4, then 3 on every indicator (the belief 5, 7, 6).
    private func rated(_ rounds: [Int], belief: [Int]) -> Participant {
        var p = Fixtures.sorenWithPlan.participant
        let start = Date(timeIntervalSince1970: 1_792_411_200)  // 19 Oct 2026 12:00 UTC
        p.ratings = zip(rounds, belief).enumerated().map { round, scores in
            let at = start.addingTimeInterval(Double(round) * 14 * 86_400)
            return Rating(
                day: Day(at), sessionId: nil, scores: Dictionary(uniqueKeysWithValues: ids.map { ($0, scores.0) }), coachBelief: scores.1,
                stamp: Stamp(by: "Anna", at: at))
        }
        return p
    }

    private func text(_ lines: [StyledLine]) -> [String] { lines.map { $0.segments.map(\.text).joined() } }

    /// 3 → 4 → 3: the first bar says "■ 0 since then", the previous "▼ −1 since then"; no row
    /// puts a change counted from the first beside the previous rating.
    func testEachChangeSaysWhatItIsCountedFrom() {
        let p = rated([3, 4, 3], belief: [5, 7, 6])
        for language in ["en", "da", "sv", "de"] {
            let env = Fixtures.env(language)
            let s = env.strings
            for width in [78, 130] {
                let rows = text(ProgressView.lines(p, env: env, width: width))
                let screen = rows.joined(separator: "\n")
                func row(_ legend: String, _ figure: Int) -> [String] {
                    rows.map { " " + $0.split(separator: " ").joined(separator: " ") + " " }
                        .filter { $0.contains(" " + legend + " ") && $0.contains(" \(figure) ") }
                }
                let same = s("chart.sinceThen", ["change": "■ 0"])
                let down = s("chart.sinceThen", ["change": "▼ −1"])
                let first = row(s("chart.first"), 3)
                let previous = row(s("chart.previous"), 4)
                XCTAssertEqual(first.count, 8, "\(language) \(width): a first bar per indicator\n\(screen)")
                XCTAssertEqual(previous.count, 8, "\(language) \(width): a previous bar per indicator\n\(screen)")
                XCTAssertTrue(first.allSatisfy { $0.contains(same) }, "\(language) \(width): the first bar's change\n\(screen)")
                XCTAssertTrue(previous.allSatisfy { $0.contains(down) }, "\(language) \(width): the previous bar's change\n\(screen)")
                // The belief: 5 → 7 → 6.
                XCTAssertTrue(row(s("chart.first"), 5).contains { $0.contains(s("chart.sinceThen", ["change": "▲ +1"])) }, screen)
                XCTAssertTrue(row(s("chart.previous"), 7).contains { $0.contains(s("chart.sinceThen", ["change": "▼ −1"])) }, screen)
                // The summary line counts the changes the indicators' rows show (the coach's belief is not one).
                let flat = screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                XCTAssertTrue(
                    flat.contains(s("progress.sinceStart") + " ▲0 ■8 ▼0 " + s("progress.sinceLast") + " ▲0 ■0 ▼8"),
                    "\(language) \(width):\n\(flat)")
                // The changes start in one column.
                let words = s("chart.sinceThen", ["change": "\u{1}"]).components(separatedBy: "\u{1}")[1]
                let columns = Set(
                    rows.filter { $0.contains(words) }.compactMap { row in row.firstIndex { "▲■▼".contains($0) }.map { DisplayWidth.of(String(row[..<$0])) } })
                XCTAssertEqual(columns.count, 1, "\(language) \(width):\n\(screen)")
                XCTAssertTrue(rows.allSatisfy { DisplayWidth.of($0) <= width }, "\(language) \(width): cut\n\(screen)")
            }
        }
    }

    /// Two ratings: the previous is the first, so there is no bar of its own; the first bar
    /// carries the change.
    func testTwoRatingsAreTheFirstAndTheLatest() {
        let p = rated([3, 5], belief: [4, 4])
        for language in ["en", "da", "sv", "de"] {
            let env = Fixtures.env(language)
            let s = env.strings
            let rows = text(ProgressView.lines(p, env: env, width: 78))
            XCTAssertFalse(rows.contains { $0.contains(" " + s("chart.previous") + " ") }, rows.joined(separator: "\n"))
            XCTAssertEqual(rows.filter { $0.contains(s("chart.sinceThen", ["change": "▲ +2"])) }.count, 8, rows.joined(separator: "\n"))
        }
    }

    /// Every bar is as long as its figure: the cells of 4 out of 10 are 4/10 of the bar, with
    /// no mark drawn over any of them, whatever the previous rating.
    func testEveryBarsCellsReadTrue() {
        for (rounds, belief) in [([3, 4, 3], [5, 7, 6]), ([6, 2, 4], [2, 9, 5]), ([1, 10, 10], [10, 1, 1])] {
            let p = rated(rounds, belief: belief)
            for language in ["en", "da", "sv", "de"] {
                let env = Fixtures.env(language)
                let s = env.strings
                for width in [78, 130] {
                    let cells = IndicatorChart.barWidth(for: width, strings: s)
                    let rows = text(ProgressView.lines(p, env: env, width: width))
                    let legends = [s("chart.first"), s("chart.previous"), s("chart.latest")]
                    let bars = rows.filter { row in legends.contains { row.contains(" " + $0 + " ") } && row.contains { "█▏▎▍▌▋▊▉".contains($0) } }
                    XCTAssertEqual(bars.count, 27, "\(language) \(width): three bars for 8 indicators and the belief\n\(rows.joined(separator: "\n"))")
                    for row in bars {
                        XCTAssertFalse(row.contains("│"), "\(language) \(width): a mark over a bar: \(row)")
                        let drawn = row.filter { "█▏▎▍▌▋▊▉".contains($0) }
                        let figures = (rounds + belief).map { IndicatorChart.blocks(Double($0) / 10, width: cells) }
                        XCTAssertTrue(figures.contains(String(drawn)), "\(language) \(width): \(row)")
                        let value = row.split(separator: " ").compactMap { Int($0) }.first ?? -1
                        XCTAssertEqual(String(drawn), IndicatorChart.blocks(Double(value) / 10, width: cells), "\(language) \(width): \(row)")
                    }
                }
            }
        }
    }
}
