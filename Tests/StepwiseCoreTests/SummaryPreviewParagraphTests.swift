import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// The summary tab's preview reflows the page's lines for 76 columns, carrying words that do
/// not fit to the next line of the same paragraph; an item of its own (an "about me" answer
/// after another) always begins its own line.
final class SummaryPreviewParagraphTests: XCTestCase {
    func testAnItemAfterAWrappedOneBeginsItsOwnLine() throws {
        var participant = SummaryFixture.participant(language: "da")
        participant.plan.aboutMe = [
            AboutMe.supportWanted.rawValue: SummaryFixture.words("En fast person, der ringer og minder mig om aftaler."),
            AboutMe.supportNotWanted.rawValue: SummaryFixture.words("Jeg vil ikke sendes ud i noget, jeg ikke selv har valgt."),
        ]
        let summary = Summary(
            participant: participant, offers: SummaryFixture.offers(), indicators: try SummaryFixture.indicators(),
            strings: try Summary.localizer(language: "da", resources: resourcesURL), today: SummaryFixture.today, coach: "Anna",
            timeZone: SummaryFixture.utc, letterhead: SummaryFixture.letterhead)
        let lines = summary.preview(fonts: try PDFTypesettingTests.fonts(), columns: 76).joined()
        let strings = try Summary.localizer(language: "da", resources: resourcesURL)
        let notWanted = strings("about.\(AboutMe.supportNotWanted.rawValue)")
        XCTAssertTrue(
            lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(notWanted + ":") },
            "“\(notWanted)” begins a line:\n" + lines.joined(separator: "\n"))
    }
}
