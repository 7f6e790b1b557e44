import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// The booking rules on offer values, and the same rules applied to files under the lock.
final class BookingTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func offer(capacity: Int, sessions: [OfferSession] = []) -> Offer {
        Offer(
            id: "o-cv", title: "CV workshop", kind: "workshop", description: "", sessions: sessions, place: "online",
            capacity: capacity, language: "da")
    }

    func at(_ seconds: Int) -> Date { t0.addingTimeInterval(TimeInterval(seconds)) }

    // MARK: - Capacity and waitlist

    func testSeatsUntilFullThenWaitlistWithPlaces() throws {
        var o = offer(capacity: 2)
        var change = try Booking.book("p-a", into: o, at: at(1))
        XCTAssertEqual(change.outcome, .booked(seat: 1))
        XCTAssertEqual(change.events, [Booking.Event(participantId: "p-a", kind: .booked)])
        o = change.offer
        o = try Booking.book("p-b", into: o, at: at(2)).offer
        change = try Booking.book("p-c", into: o, at: at(3))
        XCTAssertEqual(change.outcome, .waitlisted(place: 1))
        XCTAssertEqual(change.events, [Booking.Event(participantId: "p-c", kind: .waitlisted)])
        o = change.offer
        change = try Booking.book("p-d", into: o, at: at(4))
        XCTAssertEqual(change.outcome, .waitlisted(place: 2))
        o = change.offer
        XCTAssertEqual(o.booked.map(\.participantId), ["p-a", "p-b"])
        XCTAssertEqual(o.waiting.map(\.participantId), ["p-c", "p-d"])
        XCTAssertEqual(o.waiting.map(\.since), [at(3), at(4)])
        XCTAssertEqual(Booking.place(of: "p-d", in: o), .waiting(2))
        XCTAssertEqual(Booking.place(of: "p-b", in: o), .seat(2))
        XCTAssertNil(Booking.place(of: "p-x", in: o))
        XCTAssertEqual(Booking.freeSeats(o), 0)
    }

    func testZeroCapacityGoesStraightToTheWaitlist() throws {
        let change = try Booking.book("p-a", into: offer(capacity: 0), at: t0)
        XCTAssertEqual(change.outcome, .waitlisted(place: 1))
    }

    func testFullWithoutWaitlistIsRefused() throws {
        var o = offer(capacity: 1)
        o.waitlistLimit = 0
        o = try Booking.book("p-a", into: o, at: t0).offer
        XCTAssertThrowsError(try Booking.book("p-b", into: o, at: t0)) { error in
            XCTAssertEqual(error as? Booking.Refusal, .full(capacity: 1, waitlistLimit: 0))
        }
        o.waitlistLimit = 1
        o = try Booking.book("p-b", into: o, at: t0).offer
        XCTAssertThrowsError(try Booking.book("p-c", into: o, at: t0)) { error in
            XCTAssertEqual(error as? Booking.Refusal, .full(capacity: 1, waitlistLimit: 1))
        }
    }

    // MARK: - Duplicates

    func testOnePersonNeverHoldsTwoSeatsOrASeatAndAPlaceInLine() throws {
        var o = try Booking.book("p-a", into: offer(capacity: 1), at: t0).offer
        XCTAssertThrowsError(try Booking.book("p-a", into: o, at: t0)) { error in
            XCTAssertEqual(error as? Booking.Refusal, .alreadyBooked(seat: 1))
        }
        o = try Booking.book("p-b", into: o, at: t0).offer
        XCTAssertThrowsError(try Booking.book("p-b", into: o, at: t0)) { error in
            XCTAssertEqual(error as? Booking.Refusal, .alreadyWaiting(place: 1))
        }
        XCTAssertEqual(o.booked.count + o.waiting.count, 2)
    }

    // MARK: - Unbooking and promotion

    func testAFreedSeatGoesToTheFirstInLineAndTheirRecordSaysSo() throws {
        var o = offer(capacity: 2)
        for (n, id) in ["p-a", "p-b", "p-c", "p-d"].enumerated() { o = try Booking.book(id, into: o, at: at(n)).offer }
        let change = try Booking.unbook("p-a", from: o, at: at(10))
        XCTAssertEqual(change.outcome, .unbooked(promoted: ["p-c"]))
        XCTAssertEqual(
            change.events,
            [
                Booking.Event(participantId: "p-a", kind: .unbooked),
                Booking.Event(participantId: "p-c", kind: .promoted),
            ])
        XCTAssertEqual(change.offer.booked.map(\.participantId), ["p-b", "p-c"])
        XCTAssertEqual(change.offer.booked.last?.since, at(10), "the promoted seat counts from the promotion")
        XCTAssertEqual(change.offer.waiting.map(\.participantId), ["p-d"])
    }

    func testLeavingTheWaitlistPromotesNobody() throws {
        var o = offer(capacity: 1)
        for id in ["p-a", "p-b", "p-c"] { o = try Booking.book(id, into: o, at: t0).offer }
        let change = try Booking.unbook("p-b", from: o, at: t0)
        XCTAssertEqual(change.outcome, .leftWaitlist)
        XCTAssertEqual(change.events, [Booking.Event(participantId: "p-b", kind: .unbooked)])
        XCTAssertEqual(change.offer.booked.map(\.participantId), ["p-a"])
        XCTAssertEqual(change.offer.waiting.map(\.participantId), ["p-c"])
    }

    func testUnbookingSomeoneNotBookedIsRefused() {
        XCTAssertThrowsError(try Booking.unbook("p-x", from: offer(capacity: 3), at: t0)) { error in
            XCTAssertEqual(error as? Booking.Refusal, .notBooked)
        }
    }

    func testAFreeSeatWithPeopleWaitingGoesToThemBeforeANewcomer() throws {
        var o = offer(capacity: 1)
        o.waiting = [Seat(participantId: "p-w", since: t0)]
        let change = try Booking.book("p-new", into: o, at: at(5))
        XCTAssertEqual(change.outcome, .waitlisted(place: 1))
        XCTAssertEqual(change.offer.booked.map(\.participantId), ["p-w"])
        XCTAssertEqual(change.events.map(\.kind), [.promoted, .waitlisted])
    }

    // MARK: - Cancellation

    func testCancellingAnOfferTellsEveryoneBookedOrWaitingAndStopsBookings() throws {
        var o = offer(capacity: 1)
        for id in ["p-a", "p-b"] { o = try Booking.book(id, into: o, at: t0).offer }
        let change = Booking.cancel(o)
        XCTAssertEqual(change.offer.status, .cancelled)
        XCTAssertEqual(change.outcome, .offerCancelled(affected: ["p-a", "p-b"]))
        XCTAssertEqual(
            change.events,
            [
                Booking.Event(participantId: "p-a", kind: .offerCancelled),
                Booking.Event(participantId: "p-b", kind: .offerCancelled),
            ])
        XCTAssertEqual(Booking.cancel(change.offer).events, [], "cancelling twice tells nobody twice")
        XCTAssertThrowsError(try Booking.book("p-c", into: change.offer, at: t0)) { error in
            XCTAssertEqual(error as? Booking.Refusal, .offerCancelled)
        }
        let left = try Booking.unbook("p-a", from: change.offer, at: t0)
        XCTAssertEqual(left.outcome, .unbooked(promoted: []), "nobody is promoted into a cancelled offer")
    }

    /// Changing an offer's details (in the catalogue, or by importing a spreadsheet that has no
    /// attendance in it) keeps the attendance marked meanwhile.
    func testUpdateKeepsAttendance() throws {
        var o = try Booking.book("p-a", into: offer(capacity: 2), at: t0).offer
        o.sessions = [OfferSession(day: day("2026-11-02"), start: "10:00", end: "12:00")]
        o.mark("p-a", at: o.sessions[0], as: .attended)
        var details = o
        details.attendance = []
        details.title = "CV workshop, new room"
        let change = try Booking.update(o, with: details, at: at(9))
        XCTAssertEqual(change.offer.attendance, o.attendance)
    }

    func testUpdateKeepsSeatsPromotesOnMoreCapacityAndRefusesLess() throws {
        var o = offer(capacity: 1)
        for id in ["p-a", "p-b", "p-c"] { o = try Booking.book(id, into: o, at: t0).offer }
        var details = offer(capacity: 2)
        details.title = "CV workshop, new room"
        let change = try Booking.update(o, with: details, at: at(9))
        XCTAssertEqual(change.offer.title, "CV workshop, new room")
        XCTAssertEqual(change.offer.booked.map(\.participantId), ["p-a", "p-b"])
        XCTAssertEqual(change.events, [Booking.Event(participantId: "p-b", kind: .promoted)])
        details.capacity = 1
        XCTAssertThrowsError(try Booking.update(change.offer, with: details, at: t0)) { error in
            XCTAssertEqual(error as? Booking.Refusal, .capacityBelowBooked(booked: 2))
        }
        details.capacity = 2
        details.status = .cancelled
        let cancelled = try Booking.update(change.offer, with: details, at: t0)
        XCTAssertEqual(cancelled.offer.status, .cancelled)
        XCTAssertEqual(Set(cancelled.events.map(\.kind)), [.offerCancelled])
        XCTAssertEqual(cancelled.events.count, 3)
    }

    // MARK: - Overlaps

    func testOverlapsWithOtherBookedOffersByDayAndTime() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        let p = Participant(id: "p-a", name: "A", language: "da", courseStart: day("2026-11-02"), by: Stamp(by: "Anna", at: t0))
        let new = offer(
            capacity: 5,
            sessions: [
                OfferSession(day: day("2026-12-03"), start: "10:00", end: "12:00"),
                OfferSession(day: day("2026-12-10"), start: "10:00", end: "12:00"),
            ])
        var clash = Offer(
            id: "o-net", title: "Network", kind: "network", description: "",
            sessions: [OfferSession(day: day("2026-12-03"), start: "11:30", end: "13:00")],
            place: "", capacity: 5, language: "da")
        clash.booked = [Seat(participantId: "p-a", since: t0)]
        var touching = clash
        touching.id = "o-touch"
        touching.sessions = [OfferSession(day: day("2026-12-10"), start: "12:00", end: "14:00")]
        var waited = clash
        waited.id = "o-wait"
        waited.booked = []
        waited.waiting = [Seat(participantId: "p-a", since: t0)]
        waited.sessions = [OfferSession(day: day("2026-12-10"), start: "09:00", end: "10:30")]
        var notMine = clash
        notMine.id = "o-other"
        notMine.booked = [Seat(participantId: "p-b", since: t0)]
        var cancelled = clash
        cancelled.id = "o-cancelled"
        cancelled.status = .cancelled

        let found = Booking.overlaps(of: new, for: p, among: [new, clash, touching, waited, notMine, cancelled])
        XCTAssertEqual(
            found,
            [
                Overlap(session: new.sessions[0], other: .offer(id: "o-net", title: "Network", session: clash.sessions[0], waiting: false)),
                Overlap(
                    session: new.sessions[1], other: .offer(id: "o-wait", title: "Network", session: waited.sessions[0], waiting: true)),
            ])
    }

    func testASessionOnTheDayOfAnOpenMandatoryConversationIsWorthAQuestion() {
        var p = Participant(id: "p-a", name: "A", language: "da", courseStart: day("2026-11-02"), by: Stamp(by: "Anna", at: t0))
        let conversationDay = p.conversations[1].planned
        let o = offer(capacity: 5, sessions: [OfferSession(day: conversationDay, start: "13:00", end: "15:00")])
        XCTAssertEqual(
            Booking.overlaps(of: o, for: p, among: []),
            [Overlap(session: o.sessions[0], other: .conversation(number: 2, day: conversationDay))])
        p.conversations[1].status = .held
        XCTAssertEqual(Booking.overlaps(of: o, for: p, among: []), [], "a held conversation is no longer in the way")
    }

    // MARK: - Through the store, with journals

    func testBookingThroughTheStoreWritesTheOfferAndEveryAffectedJournal() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        let stamp = Stamp(by: "Anna", at: t0)
        for id in ["p-a", "p-b", "p-c"] {
            try temp.store.save(Participant(id: id, name: id.uppercased(), language: "da", courseStart: day("2026-11-02"), by: stamp))
        }
        try temp.store.save(offer(capacity: 1))
        let bookings = BookingStore(store: temp.store, identity: anna)

        XCTAssertEqual(try bookings.book("p-a", into: "o-cv").change.outcome, .booked(seat: 1))
        XCTAssertEqual(try bookings.book("p-b", into: "o-cv").change.outcome, .waitlisted(place: 1))
        XCTAssertThrowsError(try bookings.book("p-a", into: "o-cv")) { error in
            guard case .refused(.alreadyBooked(seat: 1), _)? = error as? BookingStore.Failure else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try bookings.book("p-zz", into: "o-cv")) { error in
            XCTAssertEqual(error as? BookingStore.Failure, .unknownParticipant("p-zz"))
        }
        XCTAssertThrowsError(try bookings.book("p-a", into: "o-none")) { error in
            XCTAssertEqual(error as? BookingStore.Failure, .unknownOffer("o-none"))
        }
        XCTAssertThrowsError(try bookings.book("../etc", into: "o-cv")) { error in
            XCTAssertEqual(error as? BookingStore.Failure, .invalidParticipantID("../etc"))
        }
        let unbooked = try bookings.unbook("p-a", from: "o-cv")
        XCTAssertEqual(unbooked.change.outcome, .unbooked(promoted: ["p-b"]))
        XCTAssertEqual(unbooked.journalProblems, [])

        let onDisk = try temp.store.loadOffer("o-cv")
        XCTAssertEqual(onDisk.booked.map(\.participantId), ["p-b"])
        XCTAssertEqual(onDisk.waiting, [])
        XCTAssertEqual(try temp.store.loadParticipant("p-a").journal.map(\.kind), [.booked, .unbooked])
        let b = try temp.store.loadParticipant("p-b")
        XCTAssertEqual(b.journal.map(\.kind), [.waitlisted, .promoted], "the promoted participant's record says so")
        XCTAssertEqual(b.journal.last?.offerId, "o-cv")
        XCTAssertEqual(b.journal.last?.offerTitle, "CV workshop")
        XCTAssertEqual(b.journal.last?.stamp.by, "Anna")
        XCTAssertEqual(try temp.store.loadParticipant("p-c").journal, [])

        _ = try bookings.book("p-c", into: "o-cv")
        _ = try bookings.cancel(offer: "o-cv")
        XCTAssertEqual(try temp.store.loadParticipant("p-b").journal.last?.kind, .offerCancelled)
        XCTAssertEqual(try temp.store.loadParticipant("p-c").journal.map(\.kind), [.waitlisted, .offerCancelled])
        XCTAssertEqual(try temp.store.loadParticipant("p-a").journal.count, 2, "no longer booked, not told")
        XCTAssertThrowsError(try bookings.book("p-a", into: "o-cv")) { error in
            guard case .refused(.offerCancelled, _)? = error as? BookingStore.Failure else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(DataCheck.run(temp.store), [], "files valid, 0600, and no lock left behind")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp.url.appendingPathComponent("locks").path), [])
    }

    func testUnbookingSomeoneWhoseFileIsGoneStillFreesTheSeat() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        var o = offer(capacity: 1)
        o.booked = [Seat(participantId: "p-gone", since: t0)]
        try temp.store.save(o)
        let result = try BookingStore(store: temp.store, identity: anna).unbook("p-gone", from: "o-cv")
        XCTAssertEqual(result.change.outcome, .unbooked(promoted: []))
        XCTAssertEqual(result.journalProblems.count, 1, "the missing journal is reported, the seat is freed")
        XCTAssertEqual(try temp.store.loadOffer("o-cv").booked, [])
    }

    func testThreadsRacingForTheLastSeatsNeverOverbook() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        let ids = (0..<16).map { "p-\($0)" }
        for id in ids {
            try temp.store.save(Participant(id: id, name: id, language: "da", courseStart: day("2026-11-02"), by: Stamp(by: "A", at: t0)))
        }
        try temp.store.save(offer(capacity: 5))
        let store = temp.store
        DispatchQueue.concurrentPerform(iterations: ids.count) { index in
            _ = try? BookingStore(store: store, identity: anna).book(ids[index], into: "o-cv")
        }
        let o = try temp.store.loadOffer("o-cv")
        XCTAssertEqual(o.booked.count, 5)
        XCTAssertEqual(o.waiting.count, 11)
        XCTAssertEqual(Set((o.booked + o.waiting).map(\.participantId)), Set(ids))
        for id in ids {
            let kinds = try temp.store.loadParticipant(id).journal.map(\.kind)
            XCTAssertEqual(kinds, [o.booked.contains { $0.participantId == id } ? .booked : .waitlisted])
        }
    }

    // MARK: - Locks and journals

    func testALockLeftByAProcessThatEndedIsTakenOver() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let path = BookingStore.lockPath("o-cv", in: temp.store)
        let gone = Identity(coach: "Gone", user: "gone", host: anna.host, pid: process.processIdentifier)
        _ = try ExclusiveLock.acquire(path: path, as: gone)
        let lock = try ExclusiveLock.acquire(path: path, as: anna, timeout: 2)
        lock.release()
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testALiveHolderIsWaitedForThenReportedBusy() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        let path = BookingStore.lockPath("o-cv", in: temp.store)
        let remote = Identity(coach: "Bo", user: "bo", host: "other-host", pid: 1)
        let held = try ExclusiveLock.acquire(path: path, as: remote)
        let started = Date()
        XCTAssertThrowsError(try ExclusiveLock.acquire(path: path, as: anna, timeout: 0.3)) { error in
            XCTAssertEqual((error as? ExclusiveLock.Busy)?.holder?.coach, "Bo")
        }
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.3)
        held.release()
        try ExclusiveLock.acquire(path: path, as: anna, timeout: 0.3).release()
    }

    func testAnOldLockFromAnotherMachineIsTakenOver() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        let path = BookingStore.lockPath("o-cv", in: temp.store)
        let claim = ExclusiveLock.Claim(
            identity: Identity(coach: "Bo", user: "bo", host: "other-host", pid: 1),
            since: Date().addingTimeInterval(-600), token: "k-old")
        _ = FileManager.default.createFile(atPath: path, contents: try RecordCodec.encode(claim))
        try ExclusiveLock.acquire(path: path, as: anna, timeout: 1).release()
    }

    func testSavingAnEditedRecordKeepsJournalEntriesWrittenMeanwhile() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        let original = Participant(id: "p-a", name: "A", language: "da", courseStart: day("2026-11-02"), by: Stamp(by: "A", at: t0))
        try temp.store.save(original)
        var edited = original  // open in a screen
        edited.name = "A. Jensen"
        let entry = JournalEntry(kind: .promoted, offerId: "o-cv", offerTitle: "CV workshop", stamp: Stamp(by: "Bo", at: at(5)))
        try ParticipantJournal.append([entry], to: "p-a", in: temp.store, as: anna, at: at(5))
        let saved = try ParticipantJournal.save(edited, in: temp.store, as: anna)
        XCTAssertEqual(saved.name, "A. Jensen")
        XCTAssertEqual(saved.journal, [entry])
        XCTAssertEqual(try temp.store.loadParticipant("p-a"), saved)
    }
}
