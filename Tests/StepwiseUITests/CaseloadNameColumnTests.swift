import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// The caseload's name column is as wide as the widest name on screen, counted in display
/// columns (CJK and emoji two), with the course two spaces after it; a very long name is held
/// to the column's limit so that the other columns keep their room.
final class CaseloadNameColumnTests: XCTestCase {
    private func state(_ names: [String], width: Int = 80) -> AppState {
        var state = Fixtures.state(width: width)
        state.caseload = Caseload(
            names.enumerated().map { .participant(CaseloadEntry(Fixtures.participant("p-\($0.offset)", $0.element, start: "2026-10-05", held: 1))) })
        return state
    }

    /// The column where the course heading starts.
    private func courseColumn(_ screen: ScreenBuffer, _ s: Localizer) -> Int {
        let header = screen.text.split(separator: "\n", omittingEmptySubsequences: false)[2]
        return header.range(of: s("caseload.column.course")).map { DisplayWidth.of(String(header[..<$0.lowerBound])) } ?? -1
    }

    func testTheNameColumnFitsTheNamesOnScreen() {
        let sets: [[String]] = [
            ["Grace O'Neill", "Jürgen Weiß", "李小龙 Lee"],
            ["Ana 🙂 Lund", "Bo Ek"],
            ["李小龙 王小明 张伟 刘洋", "Mette Brøndum"],
            ["Bo", "Ib"],
        ]
        for language in ["en", "da", "sv", "de"] {
            let s = Fixtures.env(language).strings
            for names in sets {
                let widest = (names.map(DisplayWidth.of) + [DisplayWidth.of(s("caseload.column.name"))]).max() ?? 0
                let screen = Fixtures.screen(state(names), language)
                XCTAssertEqual(courseColumn(screen, s), 2 + widest + 2, "\(language) \(names):\n\(screen.text)")
                let lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                for name in names {
                    guard let line = lines.first(where: { $0.contains(name) }) else { XCTFail("\(language): \(name) not shown\n\(screen.text)"); continue }
                    // The course follows the name column two spaces on, on every row.
                    let course = CourseText.position(start: Day(iso: "2026-10-05") ?? Fixtures.today, today: Fixtures.today, strings: s)
                    let at = line.range(of: course).map { DisplayWidth.of(String(line[..<$0.lowerBound])) }
                    XCTAssertEqual(at, 2 + widest + 2, "\(language): \(line)")
                }
            }
        }
    }

    func testALongNameIsHeldToTheLimit() {
        let long = "Maximiliane Alexandra von Hohenzollern-Sigmaringen"
        for language in ["en", "da", "sv", "de"] {
            let s = Fixtures.env(language).strings
            for width in [80, 120] {
                let screen = Fixtures.screen(state([long, "Bo Ek"], width: width), language)
                XCTAssertEqual(courseColumn(screen, s), 2 + CaseloadView.nameWidth(width) + 2, "\(language) \(width):\n\(screen.text)")
            }
        }
    }
}
