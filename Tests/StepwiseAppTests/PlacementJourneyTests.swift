import Foundation
import StepwiseCore
import StepwiseTestSupport
import StepwiseUI
import XCTest

/// An internship offer in the demo data has two people placed, each with their own
/// placement. Each one's adjustments and follow-up notes show on their own screen only; the
/// catalogue shows counts; a placement and its follow-up meetings are written on the placed
/// participant's screen, and the audit log names the act, never the text.
final class PlacementJourneyTests: XCTestCase {
    private let soren = "Ingen tunge løft"
    private let bente = "Pauser efter behov"

    /// Opens `name`'s offers tab with the Coop internship's details open.
    private func coopDetail(of name: String, in h: AppHarness) {
        if h.state.open != nil { h.press(.escape, .escape, .escape) }
        h.open(name)
        h.press(.char("2"), .char("/"))
        h.type("Coop")
        h.press(.enter, .enter)
        XCTAssertTrue(h.flatScreen.contains("Coop Danmark"), h.screen)
    }

    func testEachPlacedParticipantSeesOnlyTheirOwnPlacement() throws {
        let h = try AppHarness(height: 70)
        coopDetail(of: "Bente", in: h)
        XCTAssertTrue(h.flatScreen.contains("Placement for Bente Holm"), h.screen)
        XCTAssertTrue(h.flatScreen.contains(bente), h.screen)
        XCTAssertTrue(h.flatScreen.contains("a quiet workplace"), h.screen)
        XCTAssertFalse(h.flatScreen.contains(soren), h.screen)
        XCTAssertFalse(h.flatScreen.contains("Jens Holm"), h.screen)

        coopDetail(of: "Søren", in: h)
        XCTAssertTrue(h.flatScreen.contains(soren), h.screen)
        XCTAssertTrue(h.flatScreen.contains("Jens Holm (mentor)"), h.screen)
        XCTAssertFalse(h.flatScreen.contains(bente), h.screen)

        // Someone not placed sees the offer and nobody's placement.
        coopDetail(of: "Karin", in: h)
        XCTAssertFalse(h.flatScreen.contains("Placement for"), h.screen)
        for text in [soren, bente, "Jens Holm", "a quiet workplace", "shorter days"] {
            XCTAssertFalse(h.flatScreen.contains(text), "\(text):\n\(h.screen)")
        }
        h.press(.char("I"))
        XCTAssertNil(h.state.form, "no placement form without a seat")

        // The catalogue: counts only.
        h.press(.escape, .escape, .escape)
        XCTAssertNil(h.state.open)
        h.press(.char("o"), .char("/"))
        // The counts are counted on another thread; the program shows them when no key comes.
        XCTAssertTrue(h.app.takePlacementCounts(wait: true))
        h.type("Coop")
        h.press(.enter, .enter)
        XCTAssertTrue(h.flatScreen.contains("2 placements, 4 follow-ups planned"), h.screen)
        for text in [soren, bente, "Jens Holm", "a quiet workplace", "shorter days"] {
            XCTAssertFalse(h.flatScreen.contains(text), "\(text):\n\(h.screen)")
        }
    }

    func testAPlacementAndItsFollowUpsAreWrittenOnTheParticipantsOwnScreen() throws {
        let h = try AppHarness(height: 70)
        let id = try XCTUnwrap(h.id(of: "Bente Holm"))
        let offer = try XCTUnwrap(h.store.loadOffers().offers.first { $0.title.contains("Coop") }).id
        coopDetail(of: "Bente", in: h)
        h.press(.char("I"))
        XCTAssertEqual(h.state.form?.purpose, .placement(offer), h.screen)
        for _ in 0..<7 { h.press(.tab) }
        h.type(" Stille rum ved siden af lageret.")
        h.press(.enter)
        XCTAssertNil(h.state.form, h.screen)
        var placement = try XCTUnwrap(try h.store.loadParticipant(id).placements[offer])
        XCTAssertTrue(placement.accommodations.other.hasSuffix("Stille rum ved siden af lageret."), placement.accommodations.other)
        XCTAssertTrue(h.flatScreen.contains("Stille rum ved siden af lageret."), h.screen)

        // A new meeting today, then recorded as held with what was said and the next date.
        h.press(.char("F"))
        XCTAssertEqual(h.state.form?.purpose, .followUp(offer, nil))
        h.press(.tab)
        h.type("14:00")
        h.press(.enter)
        h.press(.char("F"))
        XCTAssertEqual(h.state.form?.purpose, .followUp(offer, 1), "the meeting due today opens, to record it held")
        for _ in 0..<6 { h.press(.tab) }
        h.type("Det går godt; hun vil prøve længere dage.")
        h.press(.tab)
        h.type("+7")
        h.press(.enter)
        XCTAssertNil(h.state.form, h.screen)
        placement = try XCTUnwrap(try h.store.loadParticipant(id).placements[offer])
        let held = try XCTUnwrap(placement.followUps.first { $0.status == .held })
        XCTAssertEqual(held.time, "14:00")
        XCTAssertEqual(held.notes, "Det går godt; hun vil prøve længere dage.")
        XCTAssertEqual(held.sequence, 1, "held: a change the calendar counts")
        let today = Day(AppHarness.start, timeZone: .gmt)
        XCTAssertEqual(held.next, today.adding(days: 7))
        XCTAssertTrue(placement.followUps.contains { $0.day == today.adding(days: 7) && $0.status == .planned }, "the next one is planned")

        let audit = AuditLog(store: h.store).entries(for: id).map(\.action)
        XCTAssertEqual(Array(audit.suffix(3)), [.placementChanged, .followUpAdded, .followUpChanged])
        let log = try String(contentsOf: h.store.root.appendingPathComponent("audit.log"), encoding: .utf8)
        XCTAssertFalse(log.contains("Stille rum") || log.contains("længere dage"), "the audit never holds what was agreed or said")

        // Søren's screen shows none of it.
        coopDetail(of: "Søren", in: h)
        XCTAssertFalse(h.flatScreen.contains("Stille rum") || h.flatScreen.contains("længere dage"), h.screen)
    }

    /// A planned meeting ahead is chosen with `M` and changed, or cancelled, in its own form:
    /// saved at once, the same calendar event (its id kept, its SEQUENCE one up, sent as
    /// cancelled), and the audit log names the change, never the text.
    func testAPlannedFollowUpAheadIsChangedOrCancelled() throws {
        let h = try AppHarness(height: 70)
        let id = try XCTUnwrap(h.id(of: "Søren Ærø Kjærgaard"))
        let offer = try XCTUnwrap(h.store.loadOffers().offers.first { $0.title.contains("Coop") })
        let before = try XCTUnwrap(try h.store.loadParticipant(id).placements[offer.id]).followUps
        XCTAssertEqual(before.map(\.status), [.planned, .planned, .planned], "the demo plans three meetings ahead")
        coopDetail(of: "Søren", in: h)

        // The chooser lists the planned meetings, soonest first; the second one is changed.
        h.press(.char("M"))
        XCTAssertEqual(h.state.form?.purpose, .chooseFollowUp(offer.id), h.screen)
        // Enter opens the chosen meeting, and the footer says so.
        XCTAssertTrue(h.screen.contains("Enter Open"), h.screen)
        XCTAssertFalse(h.screen.contains("Enter Save"), h.screen)
        XCTAssertTrue(h.flatScreen.contains(h.app.env.strings.dayWithWeekday(before[0].day) + " 10:00 · planned"), h.screen)
        h.press(.right, .enter)
        XCTAssertEqual(h.state.form?.purpose, .followUp(offer.id, 1), h.screen)
        XCTAssertTrue(h.flatScreen.contains("A planned follow-up meeting"), h.screen)
        h.press(.end, .ctrl("u"))
        h.type("+36")
        h.press(.tab, .end, .ctrl("u"))
        h.type("11:30")
        for _ in 0..<5 { h.press(.tab) }
        h.type("Flyttet: Jens har ferie.")
        h.press(.tab, .enter)
        XCTAssertNil(h.state.form, h.screen)
        var meetings = try XCTUnwrap(try h.store.loadParticipant(id).placements[offer.id]).followUps
        let today = Day(AppHarness.start, timeZone: .gmt)
        XCTAssertEqual(meetings.count, 3, "changed, not added")
        XCTAssertEqual(meetings[1].day, today.adding(days: 36))
        XCTAssertEqual(meetings[1].time, "11:30")
        XCTAssertEqual(meetings[1].status, .planned)
        XCTAssertEqual(meetings[1].notes, "Flyttet: Jens har ferie.")
        XCTAssertEqual(meetings[1].others, before[1].others, "who takes part is kept")
        XCTAssertEqual(meetings[1].id, before[1].id, "the same calendar event")
        XCTAssertEqual(meetings[1].sequence, before[1].sequence + 1)
        XCTAssertEqual(meetings[0], before[0])
        XCTAssertTrue(h.flatScreen.contains(h.app.env.strings.dayWithWeekday(today.adding(days: 36)) + " 11:30 · planned"), h.screen)

        // The last one is cancelled by its status.
        h.press(.char("M"))
        h.press(.right, .right, .enter)
        XCTAssertEqual(h.state.form?.purpose, .followUp(offer.id, 2), h.screen)
        h.press(.tab, .tab)
        // A meeting still ahead cannot be recorded as held.
        h.press(.right, .enter)
        XCTAssertEqual(h.state.form?.purpose, .followUp(offer.id, 2), h.screen)
        XCTAssertTrue(h.flatScreen.contains("Not held yet"), h.screen)
        XCTAssertEqual(try XCTUnwrap(try h.store.loadParticipant(id).placements[offer.id]).followUps[2], before[2])
        h.press(.right)
        h.press(.enter)
        XCTAssertNil(h.state.form, h.screen)
        XCTAssertTrue(h.flatScreen.contains("Follow-up meeting cancelled"), h.screen)
        meetings = try XCTUnwrap(try h.store.loadParticipant(id).placements[offer.id]).followUps
        XCTAssertEqual(meetings[2].status, .cancelled)
        XCTAssertEqual(meetings[2].day, before[2].day)
        XCTAssertEqual(meetings[2].sequence, before[2].sequence + 1, "a cancellation the calendar counts")
        XCTAssertTrue(h.flatScreen.contains("✗ " + h.app.env.strings.dayWithWeekday(before[2].day) + " 10:00 · cancelled"), h.screen)

        // The calendar sends the cancellation under the meeting's own UID and the moved meeting
        // under its own (python icalendar reads the file); the record matches its schema.
        let export = CalendarExport(
            participant: try h.store.loadParticipant(id), offers: h.store.loadOffers().offers, strings: h.app.env.strings,
            now: h.state.now, today: today)
        let ics = h.folder.appendingPathComponent("soren.ics")
        try Data(export.ics().utf8).write(to: ics)
        let script = #"""
            import json, sys, icalendar
            from jsonschema import Draft202012Validator
            schema = Draft202012Validator(json.load(open(sys.argv[1])), format_checker=Draft202012Validator.FORMAT_CHECKER)
            errors = [e.message for e in schema.iter_errors(json.load(open(sys.argv[2])))]
            calendar = icalendar.Calendar.from_ical(open(sys.argv[3], "rb").read())
            events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
            for uid in sys.argv[4:]:
                e = events[uid]
                errors.append(f'{e["STATUS"]} {e["SEQUENCE"]} {e.decoded("DTSTART").strftime("%H:%M")}')
            print(json.dumps(errors))
            """#
        let uid = { (meeting: FollowUpMeeting) in "\(id)-\(offer.id)-followup-\(meeting.id)@stepwise" }
        let read = try h.python(
            script,
            [
                resourcesURL.appendingPathComponent("schema/participant.schema.json").path,
                h.folder.appendingPathComponent("participants/\(id).json").path, ics.path, uid(before[1]), uid(before[2]),
            ])
        XCTAssertEqual(read.status, 0, read.output)
        let sequence = { (meeting: FollowUpMeeting) in export.events.first { $0.uid == uid(meeting) }?.sequence ?? -1 }
        XCTAssertEqual(
            read.output, #"["CONFIRMED \#(sequence(before[1])) 11:30", "CANCELLED \#(sequence(before[2])) 10:00"]"#,
            "no schema errors; the moved and the cancelled event")

        // Only planned meetings can be chosen.
        h.press(.char("M"))
        XCTAssertEqual(h.state.form?.purpose, .chooseFollowUp(offer.id), h.screen)
        let first = h.app.env.strings.dayWithWeekday(before[0].day) + " 10:00 · planned"
        XCTAssertTrue(h.flatScreen.contains(first), h.screen)
        h.press(.right)
        XCTAssertTrue(h.flatScreen.contains(h.app.env.strings.dayWithWeekday(today.adding(days: 36)) + " 11:30 · planned"), h.screen)
        h.press(.right)
        XCTAssertTrue(h.flatScreen.contains(first), "two planned meetings; the cancelled one is not offered:\n\(h.screen)")
        h.press(.escape)

        let audit = AuditLog(store: h.store).entries(for: id).map(\.action)
        XCTAssertEqual(Array(audit.suffix(2)), [.followUpChanged, .followUpChanged])
        let log = try String(contentsOf: h.store.root.appendingPathComponent("audit.log"), encoding: .utf8)
        XCTAssertFalse(log.contains("Jens har ferie"), "the audit never holds what was said")
    }
}
