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
            XCTAssertTrue(text.contains(s("progress.nothingToCompare")), "\(language): nothing to compare not said\n\(text)")
        }
    }
}
