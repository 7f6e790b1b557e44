import Foundation
import StepwiseCore
import StepwiseUI
import XCTest

/// The report screen is made off the keys: `R` shows the screen at once saying it is counting,
/// the report is made on another thread and shown when it is there; a key pressed meanwhile
/// is handled at once, and leaving the screen drops the report being made.
final class ReportScreenJourneyTests: XCTestCase {
    func testTheReportIsMadeOffTheKeysAndShownWhenItIsThere() throws {
        let h = try AppHarness()
        h.press(.char("R"))
        XCTAssertNotNil(h.state.report, "the screen is open")
        XCTAssertNil(h.state.report?.report, "the key came back before the files were read")
        XCTAssertTrue(h.screen.contains("Counting…"), h.screen)
        XCTAssertTrue(h.app.takeReport(wait: true))
        XCTAssertNotNil(h.state.report?.report)
        XCTAssertTrue(h.screen.contains("Counted in this report"), h.screen)
        XCTAssertFalse(h.screen.contains("Counting…"), h.screen)

        // Another scope: counting again, and the keys still answer while it counts.
        h.press(.tab)
        XCTAssertNil(h.state.report?.report)
        XCTAssertEqual(h.state.report?.scope, .organisation)
        h.press(.char("p"))
        XCTAssertEqual(h.state.report?.months, 6, "a key pressed while counting is handled at once")
        XCTAssertTrue(h.app.takeReport(wait: true))
        XCTAssertEqual(h.state.report?.report?.query, h.state.report?.query(today: h.state.today, coach: h.state.coach))

        // Esc while counting: back on the caseload, and the report being made is dropped.
        h.press(.tab)
        h.press(.escape)
        XCTAssertNil(h.state.report)
        XCTAssertFalse(h.app.takeReport(wait: true), "nothing is shown after the screen was left")
        XCTAssertNil(h.state.report)

        // Opened again while the report dropped may still be running: the new one comes.
        h.press(.char("R"), .tab, .escape, .char("R"))
        XCTAssertTrue(h.app.takeReport(wait: true))
        XCTAssertTrue(h.screen.contains("Counted in this report"), h.screen)
    }
}
