import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

final class CourseFrameTests: XCTestCase {
    let start = day("2026-10-05")  // a Monday

    func testCourseLastsTwentySixWeeks() {
        XCTAssertEqual(CourseFrame.end(start: start).iso, "2027-04-04")
    }

    func testPositionInTheCourse() {
        XCTAssertEqual(CourseFrame.position(start: start, today: day("2026-10-02")), .notStarted(daysToGo: 3))
        XCTAssertEqual(CourseFrame.position(start: start, today: start), .week(1))
        XCTAssertEqual(CourseFrame.position(start: start, today: day("2026-10-11")), .week(1))
        XCTAssertEqual(CourseFrame.position(start: start, today: day("2026-10-12")), .week(2))
        XCTAssertEqual(CourseFrame.position(start: start, today: day("2026-11-22")), .week(7))
        XCTAssertEqual(CourseFrame.position(start: start, today: day("2027-04-04")), .week(26))
        XCTAssertEqual(CourseFrame.position(start: start, today: day("2027-04-06")), .ended(daysAgo: 2))
    }

    func testDefaultConversationsAtStartHalfwayAndNearTheEnd() {
        let conversations = CourseFrame.defaultConversations(start: start)
        XCTAssertEqual(conversations.map(\.number), [1, 2, 3])
        XCTAssertEqual(conversations.map(\.planned.iso), ["2026-10-05", "2026-12-28", "2027-03-22"])
        XCTAssertTrue(conversations.allSatisfy { $0.status == .planned })
    }

    func testDefaultConversationsAvoidWeekends() {
        let saturdayStart = day("2026-11-21")
        let planned = CourseFrame.defaultConversations(start: saturdayStart).map(\.planned)
        XCTAssertEqual(planned.first?.iso, "2026-11-23")
        XCTAssertTrue(planned.allSatisfy { $0.weekday <= 5 })
    }

    func testNextConversationAndOverdue() {
        var conversations = CourseFrame.defaultConversations(start: start)
        conversations[0].status = .held
        XCTAssertEqual(CourseFrame.nextConversation(conversations)?.number, 2)
        XCTAssertFalse(CourseFrame.isOverdue(conversations[1], today: day("2026-12-28")))
        XCTAssertTrue(CourseFrame.isOverdue(conversations[1], today: day("2026-12-29")))
        conversations[1].status = .missed
        XCTAssertFalse(CourseFrame.isOverdue(conversations[1], today: day("2026-12-29")))
        XCTAssertEqual(CourseFrame.nextConversation(conversations)?.number, 3)
    }
}
