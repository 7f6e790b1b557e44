import XCTest

@testable import StepwiseCore
@testable import StepwiseUI

/// Attendance is for sessions that have started and a mark can be cleared; times the clock
/// skips or repeats are refused where they are typed; kinds typed as words are the built-in kinds.
final class AttendanceAndClockTests: XCTestCase {
    var env: UIEnvironment {
        var env = Fixtures.env()
        env.timeZone = TimeZone(identifier: "Europe/Copenhagen") ?? env.timeZone
        return env
    }

    /// The attendance sheet of the mentor offer, whose session is Monday 30 November 2026 10:00-11:00.
    func sheet(at now: Date) -> AppState {
        var state = Fixtures.state()
        state.catalogue = CatalogueState()
        state.catalogue?.sheet = AttendanceSheet(offer: "o-mentor", session: 0)
        state.now = now
        return state
    }

    let dayBefore = Date(timeIntervalSince1970: 1_795_946_400)  // 2026-11-29 11:00 in Copenhagen
    let fiveMinutesIn = Date(timeIntervalSince1970: 1_796_029_500)  // 2026-11-30 10:05 in Copenhagen

    func testAttendanceCannotBeMarkedBeforeTheSessionStarts() throws {
        var state = sheet(at: dayBefore)
        for key in [Key.char("1"), .char("2"), .char("3"), .char("A")] {
            XCTAssertEqual(Update.handle(key, state: &state, env: env), [], "no mark for a session still ahead")
        }
        XCTAssertEqual(state.message?.text, "This session has not started yet: attendance can be entered from Mon 30 Nov 2026 10:00.")
        let screen = Renderer.render(state, env: env).text
        XCTAssertTrue(screen.contains("Attendance Mon 30 Nov 2026 10:00–11:00 (session 1 of 1)"), screen)
        XCTAssertTrue(screen.contains("This session has not started yet"), screen)

        let session = try XCTUnwrap(state.offers.first?.sessions.first)
        XCTAssertFalse(state.offers[0].canMarkAttendance(at: session, now: fiveMinutesIn.addingTimeInterval(-301), in: env.timeZone))
        XCTAssertTrue(state.offers[0].canMarkAttendance(at: session, now: fiveMinutesIn.addingTimeInterval(-300), in: env.timeZone))
    }

    func testAttendanceIsMarkedOnceTheSessionHasStartedAndCanBeCleared() throws {
        var state = sheet(at: fiveMinutesIn)
        let session = try XCTUnwrap(state.offers.first?.sessions.first)
        XCTAssertEqual(
            Update.handle(.char("1"), state: &state, env: env),
            [.markAttendance(offer: "o-mentor", session: session, marks: ["p-soren": .attended])])
        state.catalogue?.sheet?.selection = 0
        XCTAssertEqual(
            Update.handle(.char("0"), state: &state, env: env),
            [.markAttendance(offer: "o-mentor", session: session, marks: ["p-soren": nil])])
        let screen = Renderer.render(state, env: env).text
        XCTAssertFalse(screen.contains("has not started"), screen)

        // The rule in Core: a mark is replaced, and cleared by nil.
        var offer = state.offers[0]
        offer.mark("p-soren", at: session, as: .absent)
        offer.mark("p-soren", at: session, as: .attended)
        XCTAssertEqual(offer.attendance(of: "p-soren", at: session), .attended)
        XCTAssertEqual(offer.attendance.count, 1)
        offer.mark("p-soren", at: session, as: nil)
        XCTAssertNil(offer.attendance(of: "p-soren", at: session))
        XCTAssertEqual(offer.attendance, [])
    }

    func testTheOfferFormRefusesSessionTimesTheClockSkipsOrRepeats() {
        for (sessions, message) in [
            (
                "28.3.2027 02:30-04:00",
                "Date 1: 02:30 on 28/03/2027 does not exist: the clocks go forward an hour that night. Choose another time."
            ),
            (
                "1.3.2027 10-12; 25/10/2026 01:00-02:30",
                "Date 2: 02:30 on 25/10/2026 happens twice: the clocks go back an hour that night. Choose a time outside that hour."
            ),
        ] {
            let state = Fixtures.state()
            var form = CatalogueForms.offer(nil, strings: env.strings, languages: env.languages)
            form.fields[0].input = TextField("Night shift", maxLength: 200)
            form.fields[3].input = TextField(sessions, maxLength: 2_000)
            form.fields[5].input = TextField("4", maxLength: 5)
            XCTAssertEqual(CatalogueForms.submit(&form, id: nil, state: state, env: env), [])
            XCTAssertEqual(form.fields[3].error, message)
        }
        let state = Fixtures.state()
        var form = CatalogueForms.offer(nil, strings: env.strings, languages: env.languages)
        form.fields[0].input = TextField("Morning", maxLength: 200)
        form.fields[3].input = TextField("28.3.2027 03:00-04:00", maxLength: 2_000)
        form.fields[5].input = TextField("4", maxLength: 5)
        XCTAssertEqual(CatalogueForms.submit(&form, id: nil, state: state, env: env).count, 1, "03:00 exists that day")
    }

    func testTheNextAppointmentRefusesATimeTheClockSkips() {
        var state = Fixtures.state()
        var form = CoachingForms.endSession(strings: env.strings)
        form.fields[1].input = TextField("28.3.2027", maxLength: 40)
        form.fields[2].input = TextField("2.30", maxLength: 5)
        XCTAssertNil(CoachingForms.submit(&form, state: state, env: env))
        XCTAssertEqual(
            form.fields[2].error,
            "02:30 on 28/03/2027 does not exist: the clocks go forward an hour that night. Choose another time.")
        form.fields[2].input = TextField("3.30", maxLength: 5)
        form.fields[2].error = nil
        state.form = form
        XCTAssertNotNil(CoachingForms.submit(&form, state: state, env: env))
    }

    func testAnOwnKindTypedAsTheNameOfABuiltInKindIsThatKind() {
        let state = Fixtures.state()
        var form = CatalogueForms.offer(nil, strings: env.strings, languages: env.languages)
        form.fields[0].input = TextField("Besøg hos Grundfos", maxLength: 200)
        form.fields[1].chosen = (form.fields[1].choices ?? []).firstIndex(of: "custom") ?? 0
        form.fields[2].input = TextField("virksomhedsbesøg", maxLength: 60)
        form.fields[5].input = TextField("4", maxLength: 5)
        guard case .saveOffer(let offer, _)? = CatalogueForms.submit(&form, id: nil, state: state, env: env).first else {
            return XCTFail("the offer is saved: \(String(describing: form.fields.compactMap(\.error)))")
        }
        XCTAssertEqual(offer.kind, "companyVisit")
    }
}
