import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// After the first rating there is nothing to compare with: the progress tab says so in
/// words, and counts no indicator as unchanged ("▲0 ■8 ▼0").
final class SingleRatingProgressTests: XCTestCase {
    func testOneRatingSaysThereIsNothingToCompareInEveryLanguage() {
        var p = Fixtures.sorenWithPlan.participant
        let at = Date(timeIntervalSince1970: 1_792_411_200)  // 19 Oct 2026 12:00 UTC
        let ids = ["health", "everyday", "belief", "cooperation", "jobSearch", "labourMarket", "network", "skills"]
        p.ratings.append(
            Rating(
                day: Day(at), sessionId: nil, scores: Dictionary(uniqueKeysWithValues: ids.map { ($0, 4) }),
                coachBelief: 4, stamp: Stamp(by: "Anna", at: at)))
        for language in ["en", "da", "sv", "de"] {
            let env = Fixtures.env(language)
            let s = env.strings
            let text = ProgressView.lines(p, env: env, width: 78).map { $0.segments.map(\.text).joined() }.joined(separator: "\n")
            XCTAssertFalse(text.contains(s("progress.sinceStart")), "\(language): one rating counted as a movement\n\(text)")
            XCTAssertFalse(text.contains("■8"), "\(language): eight indicators counted as unchanged\n\(text)")
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            XCTAssertTrue(flat.contains(s("progress.nothingToCompare")), "\(language): nothing to compare not said whole\n\(text)")
            for line in text.split(separator: "\n") {
                XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), 78, "\(language): wider than the screen, so cut: \(line)")
            }
            for width in [78, 140] {
                let chart = ProgressView.lines(p, env: env, width: width).map { $0.segments.map(\.text).joined() }
                XCTAssertFalse(chart.contains { $0.contains("■") }, "\(language) at \(width): a single score shown as no change\n\(chart.joined(separator: "\n"))")
                XCTAssertFalse(chart.contains { $0.contains(s("chart.first")) }, "\(language) at \(width): a first bar beside the only one")
                XCTAssertEqual(chart.filter { $0.contains(s("chart.latest")) }.count, 9, "\(language) at \(width): one bar per indicator and the belief")
                // Beside the bars (wide), every indicator's words still read.
                XCTAssertTrue(chart.contains { $0.contains(env.indicators.indicators[0].text(in: language).split(separator: " ")[0]) })
            }
        }
    }

    /// An indicator rated once among indicators rated twice is not counted as unchanged.
    func testAnIndicatorRatedOnceIsNotCountedAsUnchanged() {
        var p = Fixtures.sorenWithPlan.participant
        let at = Date(timeIntervalSince1970: 1_792_411_200)
        p.ratings = [
            Rating(day: Day(at), sessionId: nil, scores: ["health": 4], coachBelief: nil, stamp: Stamp(by: "Anna", at: at)),
            Rating(day: Day(at.addingTimeInterval(86_400 * 14)), sessionId: nil, scores: ["health": 6, "network": 3], coachBelief: nil,
                   stamp: Stamp(by: "Anna", at: at.addingTimeInterval(86_400 * 14))),
        ]
        let movements = ["health", "network"].map { Movement(indicator: $0, ratings: p.ratings) }
        let since = StepMovement(movements) { $0.sinceStart }
        XCTAssertEqual([since.up, since.same, since.down], [1, 0, 0])
    }
}
