import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// A data folder where one citizen (`p-aaa`) is everywhere: seats, a waitlist, an internship
/// with accommodations agreed for them, plan history, a half-typed form, a lock left by a
/// crash, a temporary file, audit entries. Two others share the offers.
private struct RightsFixture {
    let temp: TempStore
    let marker = "Qv" + UUID().uuidString.prefix(10)
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    var store: DataStore { temp.store }

    init(_ temp: TempStore) throws {
        self.temp = temp
        let store = temp.store
        try store.prepare()
        for (id, name) in [("p-aaa", "Erase \(marker)"), ("p-bbb", "Bodil Berg"), ("p-ccc", "Carl Cruz")] {
            var participant = Participant(
                id: id, name: name, language: "da", courseStart: day("2026-01-05"),
                by: Stamp(by: "Anna", at: t0))
            if id == "p-aaa" {
                var note = ProgressNote(
                    id: "n-1", kind: .note, sessionId: nil, tags: ["health"],
                    text: Words("first \(marker)", author: .coach, by: "Anna", at: t0))
                _ = note.edit(Words("second \(marker)", author: .coach, by: "Anna", at: t0.addingTimeInterval(60)), tags: ["health"])
                participant.notes = [note]
                // What was agreed with the employer for them is in their own record.
                participant.placements["o-intern"] = Placement(
                    accommodations: Accommodations(shorterDays: true, mentor: "Mentor \(marker)"),
                    followUps: [FollowUpMeeting(day: day("2026-03-01"), notes: "follow-up \(marker)")])
            }
            try store.save(participant)
        }
        let bookings = BookingStore(store: store, identity: anna, clock: { Date(timeIntervalSince1970: 1_790_000_000) })
        func offer(_ id: String, kind: String = "workshop", capacity: Int) throws {
            var offer = Offer(
                id: id, title: "Offer \(id)", kind: kind, description: "", sessions: [], place: "here",
                capacity: capacity, language: "da")
            if kind == "internship" {
                offer.internship = Internship(employer: "Firma", tasks: "Lager")
            }
            try store.save(offer)
        }
        try offer("o-one", capacity: 1)
        try offer("o-two", capacity: 1)
        try offer("o-intern", kind: "internship", capacity: 1)
        try offer("o-free", capacity: 5)
        _ = try bookings.book("p-aaa", into: "o-one")
        _ = try bookings.book("p-bbb", into: "o-one")  // waits behind p-aaa
        _ = try bookings.book("p-ccc", into: "o-two")
        _ = try bookings.book("p-aaa", into: "o-two")  // waits behind p-ccc
        _ = try bookings.book("p-aaa", into: "o-intern")
        _ = try bookings.book("p-ccc", into: "o-free")

        let editor = PlanEditor(author: .citizen, name: "Erase", now: t0, today: day("2026-01-05"))
        var plan = Plan()
        for (index, text) in ["goal \(marker)", "another goal"].enumerated() {
            let change = editor.addGoal(kind: .job, text: text, in: &plan)
            plan.version = index + 1
            try store.appendHistory(
                PlanVersion(
                    version: index + 1, stamp: Stamp(by: "Anna", at: t0), author: .citizen,
                    change: change, plan: plan), participant: "p-aaa")
        }
        try store.appendHistory(
            PlanVersion(
                version: 1, stamp: Stamp(by: "Anna", at: t0), author: .citizen,
                change: PlanChange(.addGoal, "b"), plan: Plan()), participant: "p-bbb")

        try store.saveDraft(Data(#"{"participantId":"p-aaa","form":{"typed":"half \#(marker)"}}"#.utf8), for: anna)
        try store.saveDraft(
            Data(#"{"participantId":"p-bbb","form":{"typed":"bodil"}}"#.utf8),
            for: Identity(coach: "Bo", user: "bo", host: anna.host, pid: 1))

        // A lock left by a process that is gone, and a temporary file of a cut-off write.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        _ = try store.lockParticipant("p-aaa", as: Identity(coach: "Gone", user: "gone", host: anna.host, pid: gone.processIdentifier))
        try Data("{\"name\":\"Erase \(marker)\"".utf8).write(to: store.participantsDir.appendingPathComponent(".p-aaa.json.99.t-x.tmp"))

        let log = AuditLog(store: store)
        for action in [AuditAction.opened, .changed, .printed] { try log.record(action, participant: "p-aaa", by: anna, at: t0) }
        try log.record(.opened, participant: "p-bbb", by: anna, at: t0)
        // The caseload index (it holds names).
        XCTAssertEqual(store.loadCaseload().count, 3)
    }

    /// Every file under the data folder, with its bytes.
    func files() -> [String: Data] {
        var result: [String: Data] = [:]
        let base = store.root.path
        let walker = FileManager.default.enumerator(atPath: base)
        while let relative = walker?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDir), !isDir.boolValue {
                result[relative] = FileManager.default.contents(atPath: base + "/" + relative)
            }
        }
        return result
    }
}

final class ErasureTests: XCTestCase {
    var temp = TempStore()

    override func setUp() { temp = TempStore() }
    override func tearDown() { temp.cleanUp() }

    func testTheInventoryCountsWhatIsHeld() throws {
        let fixture = try RightsFixture(temp)
        let inventory = try Erasure.inventory(of: "p-aaa", in: fixture.store)
        XCTAssertTrue(inventory.participantFile)
        XCTAssertEqual(inventory.historyVersions, 2)
        XCTAssertEqual(inventory.seats, 2)
        XCTAssertEqual(inventory.waitlistPlaces, 1)
        XCTAssertEqual(inventory.drafts, 1)
        XCTAssertEqual(inventory.lockFiles, 1)
        XCTAssertEqual(inventory.temporaryFiles, 1)
        XCTAssertEqual(inventory.auditEntries, 3)
        XCTAssertNil(inventory.summary.range(of: fixture.marker), "counts only")
        XCTAssertTrue(try Erasure.inventory(of: "p-nobody", in: fixture.store).isEmpty)
        XCTAssertThrowsError(try Erasure.inventory(of: "../x", in: fixture.store))
    }

    func testErasureRemovesEverythingPromotesTheNextInLineAndLeavesAnAnonymousTrace() throws {
        let fixture = try RightsFixture(temp)
        let store = fixture.store
        let before = fixture.files()
        let report = try Erasure.erase("p-aaa", in: store, as: anna, at: fixture.t0.addingTimeInterval(3600))
        XCTAssertEqual(report.problems, [])
        XCTAssertEqual(report.marker, "erased-1")
        XCTAssertEqual(report.promoted.map(\.offer), ["o-one"])
        XCTAssertEqual(report.promoted.map(\.participant), ["p-bbb"])

        let after = fixture.files()
        for (path, bytes) in after {
            XCTAssertNil(bytes.range(of: Data("p-aaa".utf8)), "\(path) still names the participant")
            XCTAssertNil(bytes.range(of: Data(fixture.marker.utf8)), "\(path) still holds what was written about them")
        }
        XCTAssertEqual(store.loadCaseload().map(\.id), ["p-bbb", "p-ccc"])
        // Drafts are kept per coach (drafts/<coach>-<hash>.json).
        let annasDraft = "drafts/" + store.draftFile(for: anna).lastPathComponent
        let bosDraft = "drafts/" + store.draftFile(for: Identity(coach: "Bo", user: "bo", host: anna.host, pid: 1)).lastPathComponent
        XCTAssertNotNil(before[bosDraft])
        // `locks/index.erased` (empty) marks that an erasure just happened (see `IndexFile.noteErasure`).
        XCTAssertEqual(
            Set(after.keys),
            Set(before.keys).subtracting([
                "participants/p-aaa.json", "participants/.p-aaa.json.99.t-x.tmp", "history/p-aaa.jsonl", annasDraft, "locks/p-aaa.lock",
            ]).union(["locks/index.erased"]))
        XCTAssertEqual(after["locks/index.erased"], Data())
        // The others: unchanged, except for the promotion.
        XCTAssertEqual(after["history/p-bbb.jsonl"], before["history/p-bbb.jsonl"])
        XCTAssertEqual(after[bosDraft], before[bosDraft])
        XCTAssertEqual(after["participants/p-ccc.json"], before["participants/p-ccc.json"])
        XCTAssertEqual(after["offers/o-free.json"], before["offers/o-free.json"])
        XCTAssertEqual(try store.loadOffer("o-one").booked.map(\.participantId), ["p-bbb"])
        XCTAssertEqual(try store.loadOffer("o-one").waiting, [])
        XCTAssertEqual(try store.loadOffer("o-two").booked.map(\.participantId), ["p-ccc"])
        XCTAssertEqual(try store.loadOffer("o-two").waiting, [])
        let internship = try store.loadOffer("o-intern")
        XCTAssertEqual(internship.booked, [])
        XCTAssertEqual(internship.internship, Internship(employer: "Firma", tasks: "Lager"), "the offer itself stays")
        XCTAssertEqual(try store.loadParticipant("p-bbb").journal.last?.kind, .promoted, "the promoted citizen's record says so")

        let log = AuditLog(store: store)
        XCTAssertEqual(log.entries(for: "erased-1").map(\.action), [.opened, .changed, .printed, .erased])
        XCTAssertEqual(log.entries(for: "p-bbb").count, 1)
        XCTAssertTrue(try Erasure.inventory(of: "p-aaa", in: store).isEmpty)
        XCTAssertEqual(DataCheck.run(store), [], "everything left is readable and private")
        XCTAssertThrowsError(try Erasure.erase("p-aaa", in: store, as: anna)) { error in
            XCTAssertEqual(error as? Erasure.Failure, .nothingHeld("p-aaa"))
        }
    }

    func testARecordOpenAtAnotherTerminalIsNotErased() throws {
        let fixture = try RightsFixture(temp)
        let store = fixture.store
        try FileManager.default.removeItem(at: store.locksDir.appendingPathComponent("p-aaa.lock"))
        // This test's parent process is alive on this machine: its lock is respected.
        let colleague = Identity(coach: "Bo", user: "bo", host: anna.host, pid: getppid())
        guard case .acquired = try store.lockParticipant("p-aaa", as: colleague) else { return XCTFail("lock") }
        let before = fixture.files()
        XCTAssertThrowsError(try Erasure.erase("p-aaa", in: store, as: anna)) { error in
            guard case .openElsewhere(let holder)? = error as? Erasure.Failure else { return XCTFail("\(error)") }
            XCTAssertEqual(holder.identity.coach, "Bo")
        }
        XCTAssertEqual(fixture.files(), before, "nothing was changed")
    }

    func testAnUnreadableOfferNamingTheParticipantStopsTheErasure() throws {
        let fixture = try RightsFixture(temp)
        let store = fixture.store
        let url = store.root.appendingPathComponent("offers/o-two.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: #""capacity"\s*:\s*1"#, with: #""capacity" : "one""#, options: .regularExpression)
            .write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try store.loadOffer("o-two"), "the offer is damaged")
        let before = fixture.files()
        XCTAssertThrowsError(try Erasure.erase("p-aaa", in: store, as: anna)) { error in
            guard case .unreadableOffers(let problems)? = error as? Erasure.Failure else { return XCTFail("\(error)") }
            XCTAssertEqual(problems.map(\.file), ["offers/o-two.json"])
        }
        XCTAssertEqual(fixture.files(), before)
    }

    func testAnErasureCutOffHalfWayIsFinishedByRunningItAgain() throws {
        let fixture = try RightsFixture(temp)
        let store = fixture.store
        // As if a first run stopped right after removing the record.
        try FileManager.default.removeItem(at: try store.participantFile("p-aaa"))
        let inventory = try Erasure.inventory(of: "p-aaa", in: store)
        XCTAssertFalse(inventory.isEmpty)
        let report = try Erasure.erase("p-aaa", in: store, as: anna)
        XCTAssertEqual(report.problems, [])
        XCTAssertEqual(try store.loadOffer("o-one").booked.map(\.participantId), ["p-bbb"], "the seat is given up without the record")
        XCTAssertTrue(try Erasure.inventory(of: "p-aaa", in: store).isEmpty)
        for (path, bytes) in fixture.files() { XCTAssertNil(bytes.range(of: Data("p-aaa".utf8)), path) }
    }
}

final class CitizenExportTests: XCTestCase {
    var temp = TempStore()

    override func setUp() { temp = TempStore() }
    override func tearDown() { temp.cleanUp() }

    func testTheExportHoldsEverythingAboutTheCitizenAndNothingAboutOthers() throws {
        let fixture = try RightsFixture(temp)
        let export = try CitizenExport.collect(fixture.store.loadParticipant("p-aaa"), from: fixture.store, by: anna, at: fixture.t0)
        XCTAssertEqual(export.participant.notes.first?.versions.count, 2, "notes with earlier versions")
        XCTAssertEqual(export.planHistory.count, 2)
        XCTAssertEqual(
            export.bookings.map { "\($0.offerId) \($0.place) \($0.position)" },
            ["o-intern seat 1", "o-one seat 1", "o-two waiting 1"])
        XCTAssertEqual(export.bookings.first?.internship?.employer, "Firma")
        XCTAssertEqual(export.participant.placements["o-intern"]?.accommodations.mentor, "Mentor \(fixture.marker)")
        XCTAssertEqual(export.drafts.count, 1)
        XCTAssertEqual(export.audit.map(\.action), [.opened, .changed, .printed])

        let json = try export.json()
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: json) as? [String: Any])
        XCTAssertEqual(
            Set(object.keys),
            [
                "about", "made", "madeBy", "record", "planHistory", "bookings", "drafts", "auditLog",
                "unreadableOffers",
            ])
        let record = try XCTUnwrap(object["record"] as? [String: Any])
        XCTAssertEqual(
            try RecordCodec.participant(from: try JSONSerialization.data(withJSONObject: record), file: "p-aaa.json"),
            export.participant, "the record in the export reads back as the record")
        let jsonText = String(decoding: json, as: UTF8.self)
        for other in ["p-bbb", "p-ccc", "Bodil", "Carl"] {
            XCTAssertNil(jsonText.range(of: other), "the export names another citizen: \(other)")
        }

        let text = try export.text(try Localizer.load(language: "en", resources: resourcesURL), indicators: try IndicatorSet.load(resources: resourcesURL))
        for expected in [
            "Erase \(fixture.marker)", "first \(fixture.marker)", "second \(fixture.marker)", "goal \(fixture.marker)",
            "half \(fixture.marker)", "Mentor \(fixture.marker)", "follow-up \(fixture.marker)",
            "Every saved version of your plan", "Who opened, changed, printed or exported your record", "Action: printed",
            "Place: waiting", "Offer title: Offer o-two", "Course start: 5 Jan 2026",
        ] {
            XCTAssertNotNil(text.range(of: expected), "the text has \(expected):\n\(text)")
        }
        for other in ["p-bbb", "p-ccc", "Bodil", "Carl"] { XCTAssertNil(text.range(of: other), other) }
    }
}
