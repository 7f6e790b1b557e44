import XCTest

@testable import StepwiseUI

/// The list cursor never leaves the list, whatever key moves it.
final class ListCursorTests: XCTestCase {
    func testMovesStopAtTheEnds() {
        let cursor = ListCursor(3, count: 10, page: 4)
        XCTAssertEqual(cursor.moved(.up), 2)
        XCTAssertEqual(cursor.moved(.down), 4)
        XCTAssertEqual(cursor.moved(.pageUp), 0)
        XCTAssertEqual(cursor.moved(.pageDown), 7)
        XCTAssertEqual(cursor.moved(.home), 0)
        XCTAssertEqual(cursor.moved(.end), 9)
        XCTAssertEqual(ListCursor(9, count: 10, page: 4).moved(.down), 9)
        XCTAssertEqual(ListCursor(8, count: 10, page: 4).moved(.pageDown), 9)
        XCTAssertEqual(ListCursor(0, count: 10).moved(.up), 0)
    }

    func testAnEmptyListKeepsRowZero() {
        for move: ListCursor.Move in [.up, .down, .pageUp, .pageDown, .home, .end] {
            XCTAssertEqual(ListCursor(0, count: 0, page: 5).moved(move), 0, "\(move)")
        }
    }

    /// After the list shrank the selection may stand past the end: the first move brings it back.
    func testASelectionPastTheEndComesBack() {
        XCTAssertEqual(ListCursor(12, count: 5).moved(.up), 3)
        XCTAssertEqual(ListCursor(12, count: 5).moved(.down), 4)
    }

    func testListKeysAndOtherActions() {
        let cursor = ListCursor(5, count: 20, page: 6)
        XCTAssertEqual(cursor.moved(by: .moveUp), 4)
        XCTAssertEqual(cursor.moved(by: .moveDown), 6)
        XCTAssertEqual(cursor.moved(by: .pageUp), 0)
        XCTAssertEqual(cursor.moved(by: .pageDown), 11)
        XCTAssertEqual(cursor.moved(by: .moveFirst), 0)
        XCTAssertEqual(cursor.moved(by: .moveLast), 19)
        XCTAssertEqual(cursor.moved(by: .open), 5)
        XCTAssertEqual(ListCursor(30, count: 20).moved(by: .open), 19, "any other key brings it back inside")
        XCTAssertEqual(cursor.moved(by: nil), 5)
        XCTAssertEqual(ListCursor(0, count: 1, page: 0).page, 1, "a page is at least one row")
    }

    /// A scroll offset that the view clamps goes down without a bound and up to 0.
    func testOpenEndedScroll() {
        XCTAssertEqual(ListCursor(40, count: .max).moved(by: .moveDown), 41)
        XCTAssertEqual(ListCursor(0, count: .max).moved(by: .moveUp), 0)
    }
}

extension ListCursorTests {
    /// With an offer's detail open (30 lines, 10 rows on screen) every list key scrolls the
    /// detail, within its lines, and leaves the list's selection alone; closed, they move the list.
    func testListWithADetailView() {
        var selection = 2
        var scroll = 0
        let detail = (lines: 30, height: 10)
        let last = ScrollWindow.lastFirst(count: 30, height: 10)
        ListCursor.move(.moveDown, selection: &selection, count: 5, page: 3, detailScroll: &scroll, detail: detail)
        XCTAssertEqual([selection, scroll], [2, 1])
        ListCursor.move(.pageDown, selection: &selection, count: 5, page: 3, detailScroll: &scroll, detail: detail)
        XCTAssertEqual([selection, scroll], [2, 9])
        ListCursor.move(.moveLast, selection: &selection, count: 5, page: 3, detailScroll: &scroll, detail: detail)
        XCTAssertEqual([selection, scroll], [2, last])
        ListCursor.move(.moveDown, selection: &selection, count: 5, page: 3, detailScroll: &scroll, detail: detail)
        XCTAssertEqual([selection, scroll], [2, last], "End is the end: ↓ does not run past it")
        ListCursor.move(.moveUp, selection: &selection, count: 5, page: 3, detailScroll: &scroll, detail: detail)
        XCTAssertEqual([selection, scroll], [2, last - 1], "↑ after End scrolls back at once")
        ListCursor.move(.moveFirst, selection: &selection, count: 5, page: 3, detailScroll: &scroll, detail: detail)
        XCTAssertEqual([selection, scroll], [2, 0])
        ListCursor.move(.moveUp, selection: &selection, count: 5, page: 3, detailScroll: &scroll, detail: nil)
        XCTAssertEqual([selection, scroll], [1, 0])
        ListCursor.move(.open, selection: &selection, count: 5, page: 3, detailScroll: &scroll, detail: nil)
        XCTAssertEqual([selection, scroll], [1, 0])
    }
}
