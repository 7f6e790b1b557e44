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

/// A bold title and the regular text after it on the same line read as one line: one space
/// before " · ", however much wider the bold letters are than the columns.
final class SummaryPreviewRunOnTests: XCTestCase {
    func testTextAfterABoldTitleFollowsItAtOnce() throws {
        for language in ["en", "da", "sv", "de"] {
            let summary = try SummaryFixture.summary(language: language)
            let lines = summary.preview(fonts: try PDFTypesettingTests.fonts(), columns: 76).joined()
            XCTAssertTrue(lines.contains { $0.contains("CV workshop · ") }, "\(language):\n" + lines.joined(separator: "\n"))
            XCTAssertFalse(lines.contains { $0.contains("  · ") }, "\(language): two spaces before “·”:\n" + lines.joined(separator: "\n"))
        }
    }
}

/// The words of a step's line that do not fit in the preview's columns go on the next line of
/// the same step, not on a line of their own, also after its mark ("◐  ").
final class SummaryPreviewCarriedWordsTests: XCTestCase {
    func testNoStepLeavesWordsOnALineOfTheirOwn() throws {
        var participant = SummaryFixture.participant(language: "da")
        let editor = PlanEditor(author: .citizen, name: "Maja", now: SummaryFixture.at("2026-10-05"), today: SummaryFixture.today)
        _ = editor.addGoal(kind: .job, text: "Et job på et lager", in: &participant.plan)
        let goal = try XCTUnwrap(participant.plan.goals.last).id
        _ = editor.addStep(
            to: goal, text: "Skrive tre ting ned, som jeg gerne vil have, at en arbejdsgiver ved om mig", who: .me,
            due: day("2026-12-07"), in: &participant.plan)
        let summary = Summary(
            participant: participant, offers: SummaryFixture.offers(), indicators: try SummaryFixture.indicators(),
            strings: try Summary.localizer(language: "da", resources: resourcesURL), today: SummaryFixture.today, coach: "Anna",
            timeZone: SummaryFixture.utc, letterhead: SummaryFixture.letterhead)
        let lines = summary.preview(fonts: try PDFTypesettingTests.fonts(), columns: 76).joined()
        guard let first = lines.firstIndex(where: { $0.contains("Skrive tre ting ned") }) else {
            return XCTFail("the step is in the preview:\n" + lines.joined(separator: "\n"))
        }
        let step = lines[first...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.prefix(4)
        XCTAssertTrue(step.contains { $0.contains("planlagt") }, step.joined(separator: "\n"))
        for line in step.dropFirst() {
            XCTAssertGreaterThan(line.trimmingCharacters(in: .whitespaces).count, 12, "a short line of its own:\n" + step.joined(separator: "\n"))
        }
    }
}
