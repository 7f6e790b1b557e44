import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// Calendar files that update instead of duplicating: a UID names the thing for its whole
/// life, SEQUENCE goes up when it changes, what no longer happens stays as STATUS:CANCELLED
/// for a while, and times the clock skips or repeats are refused. Read back by python's
/// `icalendar`, as a phone's calendar would read them.
final class CalendarUpdateTests: XCTestCase {
    let copenhagen = TimeZone(identifier: "Europe/Copenhagen") ?? .current
    let booked = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
    let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30

    func offer(_ start: String = "10:00", _ end: String = "12:00") -> Offer {
        var offer = Offer(
            id: "o-cv", title: "CV workshop", kind: "workshop", description: "",
            sessions: [
                OfferSession(day: day("2027-02-01"), start: start, end: end),
                OfferSession(day: day("2027-02-08"), start: "10:00", end: "12:00"),
            ],
            place: "Jobhuset", capacity: 5, language: "da")
        offer.booked = [Seat(participantId: "p-maja", since: booked)]
        return offer
    }

    func participant() -> Participant {
        var p = Participant(id: "p-maja", name: "Maja", language: "en", courseStart: day("2026-11-02"), by: Stamp(by: "Anna", at: booked))
        p.journal = [JournalEntry(kind: .booked, offerId: "o-cv", offerTitle: "CV workshop", stamp: Stamp(by: "Anna", at: booked))]
        return p
    }

    func ics(_ participant: Participant, _ offers: [Offer], at moment: Date? = nil, reminder: Bool = false) throws -> String {
        CalendarExport(
            participant: participant, offers: offers, strings: try Summary.localizer(language: "en", resources: resourcesURL),
            timeZone: copenhagen, now: moment ?? now, today: Day(moment ?? now, timeZone: copenhagen), reminder: reminder
        ).ics()
    }

    /// The events of `text` as python icalendar reads them.
    func parsed(_ text: String, offersOnly: Bool = false) throws -> [[String: String]] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-ics-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plan.ics")
        try Data(text.utf8).write(to: file)
        return try ICalendarParser.events(in: file).filter { !offersOnly || ($0["uid"] ?? "").hasPrefix("o-") }
    }

    func event(_ uid: String, in events: [[String: String]]) throws -> [String: String] {
        let matching = events.filter { $0["uid"] == uid }
        XCTAssertEqual(matching.count, 1, "one event with UID \(uid) in \(events.map { $0["uid"] ?? "" })")
        return try XCTUnwrap(matching.first)
    }

    // MARK: - One UID for a session's whole life

    func testMovingASessionFrom10To11KeepsItsUIDAndRaisesTheSequence() throws {
        let before = offer()
        let first = try parsed(ics(participant(), [before]))
        let uid = "o-cv-20270201-1000@stepwise"
        let old = try event(uid, in: first)
        XCTAssertEqual(old["start"], "2027-02-01T10:00:00+01:00")

        // The catalogue form (and a spreadsheet import) give the new details without ids.
        let moved = try Booking.update(before, with: offer("11:00", "13:00"), at: now).offer
        let second = try parsed(ics(participant(), [moved], at: now.addingTimeInterval(60)))
        XCTAssertEqual(second.count, first.count, "no second event for the moved session")
        XCTAssertEqual(Set(second.compactMap { $0["uid"] }), Set(first.compactMap { $0["uid"] }))
        let new = try event(uid, in: second)
        XCTAssertEqual(new["start"], "2027-02-01T11:00:00+01:00")
        XCTAssertEqual(new["end"], "2027-02-01T13:00:00+01:00")
        XCTAssertGreaterThan(Int(new["sequence"] ?? "") ?? 0, Int(old["sequence"] ?? "") ?? 0)
        XCTAssertEqual(new["modified"], "2026-11-30T00:53:20+00:00", "LAST-MODIFIED is when it moved")
        XCTAssertEqual(new["status"], "CONFIRMED")
        let untouched = try event("o-cv-20270208-1000@stepwise", in: second)
        XCTAssertEqual(
            untouched["sequence"], try event("o-cv-20270208-1000@stepwise", in: first)["sequence"],
            "the session that did not move did not change")

        // Moving it back and forth never gives it another UID, and the count keeps going up.
        let back = try Booking.update(moved, with: offer("10:00", "12:00"), at: now.addingTimeInterval(120)).offer
        XCTAssertEqual(back.sessions.map(\.id), before.sessions.map(\.id))
        XCTAssertEqual(back.sessions[0].sequence, 2)
    }

    func testASpreadsheetImportThatMovesASessionKeepsItsUID() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        var marked = offer()
        marked.mark("p-maja", at: marked.sessions[1], as: .attended)
        try temp.store.save(marked)
        let bookings = BookingStore(store: temp.store, identity: anna)
        let exported = String(decoding: OfferCSV.export(temp.store.loadOffers().offers), as: UTF8.self)
        let edited = exported.replacingOccurrences(of: "2027-02-01 10:00-12:00", with: "2027-02-01 11:00-12:00")
        XCTAssertNotEqual(edited, exported)
        let report = OfferImport.run(Data(edited.utf8), into: bookings, skipBad: false)
        XCTAssertEqual(report.changed, ["o-cv"], "\(report.problems)")
        let stored = try temp.store.loadOffer("o-cv")
        XCTAssertEqual(stored.sessions.map(\.id), ["20270201-1000", "20270208-1000"])
        XCTAssertEqual(stored.sessions[0].start, "11:00")
        XCTAssertEqual(stored.sessions[0].sequence, 1)
        XCTAssertEqual(stored.attendance, marked.attendance, "an import keeps the attendance entered")
        let events = try parsed(ics(participant(), [stored]))
        XCTAssertEqual(try event("o-cv-20270201-1000@stepwise", in: events)["start"], "2027-02-01T11:00:00+01:00")
    }

    func testAnOfferFileWrittenBeforeSessionIdsKeepsItsUIDs() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        let json =
            #"{"schemaVersion":1,"id":"o-old","title":"Old","kind":"workshop","description":"","place":"","capacity":3,"#
            + #""language":"da","status":"open","booked":[{"participantId":"p-maja","since":"2026-11-18T00:00:00Z"}],"waiting":[],"#
            + #""sessions":[{"day":"2027-12-03","start":"10:00","end":"12:00"},{"day":"2027-12-03","start":"10:00","end":"11:00"}]}"#
        try Data(json.utf8).write(to: temp.store.offersDir.appendingPathComponent("o-old.json"))
        let offer = try temp.store.loadOffer("o-old")
        XCTAssertEqual(offer.schemaVersion, Offer.currentSchemaVersion)
        XCTAssertEqual(offer.sessions.map(\.id), ["20271203-1000", "20271203-1000-2"], "the UID an earlier export gave, unique")
        var p = participant()
        p.journal = []
        let text = try ics(p, [offer])
        XCTAssertTrue(text.contains("UID:o-old-20271203-1000@stepwise\r\n"))
        try temp.store.save(offer)
        XCTAssertEqual(try temp.store.loadOffer("o-old"), offer, "written with its ids, read back the same")
    }

    // MARK: - What no longer happens stays as cancelled

    func testAGivenUpSeatACancelledOfferAndARemovedSessionStayAsCancelledWithTheSameUID() throws {
        let start = offer()
        let confirmed = try parsed(ics(participant(), [start]), offersOnly: true)
        let uid = "o-cv-20270201-1000@stepwise"
        let sequence = Int(try event(uid, in: confirmed)["sequence"] ?? "") ?? 0

        // The participant gives up the seat: the journal says so.
        let unbooked = try Booking.unbook("p-maja", from: start, at: now).offer
        var p = participant()
        p.journal.append(JournalEntry(kind: .unbooked, offerId: "o-cv", offerTitle: "CV workshop", stamp: Stamp(by: "Anna", at: now)))
        var events = try parsed(ics(p, [unbooked]), offersOnly: true)
        XCTAssertEqual(events.count, 2)
        var gone = try event(uid, in: events)
        XCTAssertEqual(gone["status"], "CANCELLED")
        XCTAssertGreaterThan(Int(gone["sequence"] ?? "") ?? 0, sequence)

        // The offer is cancelled: every session of it.
        let cancelled = Booking.cancel(start).offer
        p = participant()
        p.journal.append(JournalEntry(kind: .offerCancelled, offerId: "o-cv", offerTitle: "CV workshop", stamp: Stamp(by: "Anna", at: now)))
        events = try parsed(ics(p, [cancelled]), offersOnly: true)
        XCTAssertEqual(events.map { $0["status"] ?? "" }, ["CANCELLED", "CANCELLED"])
        XCTAssertEqual(Set(events.compactMap { $0["uid"] }), Set(confirmed.compactMap { $0["uid"] }))

        // A session taken out of the offer.
        var fewer = start
        fewer.sessions.removeFirst()
        let changed = try Booking.update(start, with: fewer, at: now).offer
        events = try parsed(ics(participant(), [changed]), offersOnly: true)
        gone = try event(uid, in: events)
        XCTAssertEqual(gone["status"], "CANCELLED")
        XCTAssertEqual(gone["start"], "2027-02-01T10:00:00+01:00")
        XCTAssertEqual(try event("o-cv-20270208-1000@stepwise", in: events)["status"], "CONFIRMED")

        // After 90 days the cancelled events leave the file; the rest stay.
        let later = now.addingTimeInterval(Double(CalendarIdentity.cancelledRetentionDays + 1) * 86_400)
        let pruned = try Booking.update(changed, with: changed, at: later).offer
        XCTAssertEqual(pruned.cancelledSessions, [])
        events = try parsed(ics(participant(), [changed], at: later), offersOnly: true)
        XCTAssertEqual(events.compactMap { $0["uid"] }, ["o-cv-20270208-1000@stepwise"])
        XCTAssertEqual(try parsed(ics(p, [cancelled], at: later), offersOnly: true).count, 0)
    }

    func testAMovedConversationAndAReplacedAppointmentUpdateTheirEvents() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        var p = participant()
        var session = p.startSession(kind: .followUp, present: [], stamp: Stamp(by: "Anna", at: booked), today: day("2026-11-18"))
        _ = session
        p.endSession(agreements: nil, next: Appointment(day: day("2026-12-10"), time: "10:00", place: "Jobhuset", contact: ""), at: booked)
        try temp.store.save(p)
        let first = try parsed(ics(p, []))
        let conversation = "p-maja-conversation-1@stepwise"
        let meeting = "p-maja-\(p.sessions[0].id)-next@stepwise"
        XCTAssertEqual(try event(conversation, in: first)["start"], p.conversations[0].planned.iso)

        // The conversation is moved in the plan form and saved from the screen.
        p.conversations[0].planned = p.conversations[0].planned.adding(days: 7)
        p.conversations[0].status = .moved
        p = try ParticipantJournal.save(p, in: temp.store, as: anna, at: now)
        XCTAssertEqual(p.conversations[0].sequence, 1)
        // Saving again from a screen whose copy is older never lowers the count.
        var stale = p
        stale.conversations[0].sequence = 0
        p = try ParticipantJournal.save(stale, in: temp.store, as: anna, at: now)
        XCTAssertEqual(p.conversations[0].sequence, 1)

        // A new session before the agreed day replaces the appointment.
        session = p.startSession(kind: .followUp, present: [], stamp: Stamp(by: "Anna", at: now), today: day("2026-11-30"))
        p.endSession(agreements: nil, next: Appointment(day: day("2026-12-17"), time: "09:00", place: "Jobhuset", contact: ""), at: now)
        let second = try parsed(ics(p, []))
        let moved = try event(conversation, in: second)
        XCTAssertEqual(moved["start"], p.conversations[0].planned.iso)
        XCTAssertEqual(moved["sequence"], "1")
        let replaced = try event(meeting, in: second)
        XCTAssertEqual(replaced["status"], "CANCELLED")
        XCTAssertEqual(replaced["sequence"], "1")
        XCTAssertEqual(try event("p-maja-\(session.id)-next@stepwise", in: second)["status"], "CONFIRMED")

        // A conversation held before its planned day frees that day.
        p.conversations[1].status = .held
        p.conversations[1].statusChanged = day("2026-11-30")
        p = try ParticipantJournal.save(p, in: temp.store, as: anna, at: now)
        XCTAssertEqual(try event("p-maja-conversation-2@stepwise", in: parsed(ics(p, [])))["status"], "CANCELLED")
    }

    func testInternshipFollowUpsKeepTheirUIDWhenTheirDayChanges() throws {
        var trial = Offer(
            id: "o-trial", title: "Work trial", kind: "internship", description: "", sessions: [], place: "Bageri Sol",
            capacity: 1, language: "da")
        trial.booked = [Seat(participantId: "p-maja", since: booked)]
        trial.internship = Internship(employer: "Bageri Sol")
        var p = participant()
        p.placements["o-trial"] = Placement(followUps: [FollowUpMeeting(day: day("2027-01-15"))])
        p.journal = [JournalEntry(kind: .booked, offerId: "o-trial", offerTitle: "Work trial", stamp: Stamp(by: "Anna", at: booked))]
        let uid = "p-maja-o-trial-followup-20270115@stepwise"
        XCTAssertEqual(try event(uid, in: parsed(ics(p, [trial])))["start"], "2027-01-15")
        // The follow-up form puts a new meeting in the place of the old one.
        p.placements["o-trial"]?.put(FollowUpMeeting(day: day("2027-01-22")), at: 0, now: now)
        let moved = try event(uid, in: parsed(ics(p, [trial])))
        XCTAssertEqual(moved["start"], "2027-01-22")
        XCTAssertEqual(moved["sequence"], "2", "one change of the meeting, one booking")
        XCTAssertEqual(moved["summary"], "Follow-up meeting: Work trial")
    }

    // MARK: - Times the clock skips or repeats

    func testTimesTheClockSkipsOrRepeatsAreKnown() {
        XCTAssertEqual(LocalTime.check(day: day("2027-03-28"), time: "02:30", in: copenhagen), .skipped)
        XCTAssertEqual(LocalTime.check(day: day("2027-03-28"), time: "02:00", in: copenhagen), .skipped)
        XCTAssertEqual(LocalTime.check(day: day("2027-03-28"), time: "03:00", in: copenhagen), .exists)
        XCTAssertEqual(LocalTime.check(day: day("2026-10-25"), time: "02:30", in: copenhagen), .repeated)
        XCTAssertEqual(LocalTime.check(day: day("2026-10-25"), time: "03:00", in: copenhagen), .exists)
        XCTAssertEqual(LocalTime.check(day: day("2027-03-29"), time: "02:30", in: copenhagen), .exists)
        let stockholm = TimeZone(identifier: "Europe/Stockholm") ?? copenhagen
        XCTAssertEqual(LocalTime.check(day: day("2027-03-28"), time: "02:15", in: stockholm), .skipped)
        let utc = TimeZone(identifier: "UTC") ?? copenhagen
        XCTAssertEqual(LocalTime.check(day: day("2027-03-28"), time: "02:30", in: utc), .exists)
        XCTAssertNil(LocalTime.check(day: day("2027-03-28"), time: "25:00", in: copenhagen))
        XCTAssertEqual(LocalTime.refusalKey(day: day("2027-03-28"), time: "02:30", in: copenhagen), "error.timeSkipped")
        XCTAssertEqual(LocalTime.refusalKey(day: day("2026-10-25"), time: "02:30", in: copenhagen), "error.timeRepeated")
    }

    func testASpreadsheetRefusesSessionsAtTimesTheClockSkipsOrRepeats() {
        let text =
            "title;kind;capacity;sessions\r\n"
            + "Night shift;workshop;4;2027-03-28 02:30-04:00\r\n"
            + "Night shift 2;workshop;4;2026-10-25 01:00-02:30\r\n"
            + "Fine;workshop;4;2027-03-28 03:00-04:00\r\n"
        let parsed = OfferCSV.parse(Data(text.utf8), timeZone: copenhagen)
        XCTAssertEqual(parsed.rows.map(\.offer.title), ["Fine"])
        XCTAssertEqual(parsed.problems.map(\.line), [2, 3])
        XCTAssertTrue(parsed.problems[0].reason.contains("02:30 does not exist on 2027-03-28"), parsed.problems[0].reason)
        XCTAssertTrue(parsed.problems[1].reason.contains("02:30 happens twice on 2026-10-25"), parsed.problems[1].reason)
    }

    func testASessionStoredAtAMissingTimeIsNeverAZeroLengthEvent() throws {
        // Stored before such times were refused: 02:00-03:00 the night summer time begins.
        var night = offer("02:00", "03:00")
        night.sessions[0].day = day("2027-03-28")
        let events = try parsed(ics(participant(), [night]))
        let event = try event("o-cv-20270201-0200@stepwise", in: events)
        let start = try XCTUnwrap(ISO8601DateFormatter().date(from: event["start"] ?? ""))
        let end = try XCTUnwrap(ISO8601DateFormatter().date(from: event["end"] ?? ""))
        XCTAssertEqual(end.timeIntervalSince(start), 3_600, "\(event)")
    }

    // MARK: - Reminder

    func testAReminderTheDayBeforeEveryEventThatStillHappens() throws {
        var p = participant()
        p.journal.append(JournalEntry(kind: .unbooked, offerId: "o-other", offerTitle: "Other", stamp: Stamp(by: "Anna", at: now)))
        var other = offer()
        other.id = "o-other"
        other.booked = []
        p.journal.insert(JournalEntry(kind: .booked, offerId: "o-other", offerTitle: "Other", stamp: Stamp(by: "Anna", at: booked)), at: 0)
        let events = try parsed(ics(p, [offer(), other], reminder: true))
        for event in events {
            if event["status"] == "CANCELLED" {
                XCTAssertEqual(event["alarms"], "", "no reminder of something cancelled")
            } else {
                XCTAssertEqual(event["alarms"], (event["start"] ?? "").count == 10 ? "-1 day, 18:00:00" : "-1 day, 0:00:00", "\(event)")
            }
        }
        XCTAssertTrue(events.contains { $0["status"] == "CANCELLED" })
        XCTAssertFalse(try ics(p, [offer()], reminder: false).contains("VALARM"))
        XCTAssertFalse(CalendarExport.defaultReminder(environment: ["STEPWISE_CALENDAR_REMINDER": "off"]))
        XCTAssertTrue(CalendarExport.defaultReminder(environment: [:]))
    }
}
