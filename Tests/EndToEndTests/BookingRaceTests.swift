import Foundation
import StepwiseCore
import StepwiseTestSupport
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Many `stepwise book` and `stepwise unbook` processes racing for the last seats of the same
/// offers, round after round, while a reader keeps reading the files. Afterwards every count
/// is checked exactly against what the processes reported.
final class BookingRaceTests: EndToEndTestCase {
    /// The race offers: id, capacity, waitlist limit (nil for none).
    private let offers: [(id: String, capacity: Int, waitlist: Int?)] = [
        ("o-race-a", 4, nil), ("o-race-b", 3, nil), ("o-race-c", 1, nil), ("o-race-d", 1, 1),
    ]
    private let processesPerRound = 8

    func testProcessesRacingForTheLastSeatsNeverOverbookNorLoseABooking() throws {
        let started = Date()
        try makeDemo()
        let people = try participantIDs()
        XCTAssertGreaterThanOrEqual(people.count, processesPerRound)
        let csv = root.appendingPathComponent("race.csv")
        let rows = offers.map { "\($0.id),Race \($0.id.suffix(1)),workshop,\($0.capacity),\($0.waitlist.map(String.init) ?? "")" }
        try (["id,title,kind,capacity,waitlist"] + rows).joined(separator: "\r\n").write(to: csv, atomically: true, encoding: .utf8)
        let imported = try stepwise(["offers", "import", csv.path])
        XCTAssertEqual(imported.status, 0, imported.stderr)

        var model = RaceModel()
        var random = SplitMix64(seed: 0x5EED_2026)
        let reader = FileReader(
            folder: data.appendingPathComponent("offers"), ids: offers.map(\.id),
            capacities: Dictionary(uniqueKeysWithValues: offers.map { ($0.id, $0.capacity) }))
        reader.start()
        defer { reader.stop() }

        // Rounds of 8 different participants each booking or unbooking a random race offer.
        let mixedRounds = 500
        for round in 0..<mixedRounds {
            var order = people
            order.shuffle(using: &random)
            let jobs: [RaceJob] = order.prefix(processesPerRound).map { person in
                let offer = offers[Int(random.next() % UInt64(offers.count))].id
                // Mostly the change that can succeed, sometimes the one that must be refused.
                let book = model.holds(person, offer) ? random.next() % 3 == 0 : random.next() % 3 != 0
                return RaceJob(book: book, participant: person, offer: offer)
            }
            let results = try runTogether(jobs)
            for (job, result) in zip(jobs, results) {
                model.record(job, result, waitlistLimit: offers.first { $0.id == job.offer }?.waitlist, round: round)
            }
            try checkOffers(after: "round \(round)")
        }
        // Rounds where 8 processes book, then unbook, the same person in the same offer at once.
        let duplicateRounds = 6
        for round in 0..<duplicateRounds {
            let person = people[round % people.count]
            let offer = offers[round % offers.count].id
            for book in [!model.holds(person, offer), model.holds(person, offer)] {
                let jobs = Array(repeating: RaceJob(book: book, participant: person, offer: offer), count: processesPerRound)
                let held = model.holds(person, offer)
                let results = try runTogether(jobs)
                let winners = results.filter { $0.status == 0 }.count
                let full = book && results.contains { $0.stderr.contains("is full") }
                XCTAssertEqual(
                    winners, book != held && !full ? 1 : 0,
                    "at most one of 8 identical \(book ? "bookings" : "cancellations") wins: "
                        + results.map { $0.stdout + $0.stderr }.joined(separator: " | "))
                // The winner first: the others were refused because of it.
                for (job, result) in zip(jobs, results).sorted(by: { $0.1.status < $1.1.status }) {
                    model.record(job, result, waitlistLimit: offers.first { $0.id == offer }?.waitlist, round: mixedRounds + round)
                }
                try checkOffers(after: "duplicate round \(round)")
            }
        }
        reader.stop()

        // Exactly what the processes reported is in the files.
        let store = DataStore(root: data)
        for offer in offers {
            let file = try store.loadOffer(offer.id)
            for person in people {
                let place = Booking.place(of: person, in: file)
                XCTAssertEqual(
                    place != nil, model.holds(person, offer.id),
                    "\(person) in \(offer.id): the last successful \(model.holds(person, offer.id) ? "booking" : "cancellation") stands")
            }
        }
        // Each journal tells the same story as the offers: no promotion goes unrecorded.
        for person in people {
            let journal = try store.loadParticipant(person).journal
            for offer in offers {
                let entries = journal.filter { $0.offerId == offer.id }.map(\.kind)
                var state = "none"
                for kind in entries {
                    switch (state, kind) {
                    case ("none", .booked): state = "seat"
                    case ("none", .waitlisted): state = "waiting"
                    case ("waiting", .promoted): state = "seat"
                    case ("seat", .unbooked), ("waiting", .unbooked): state = "none"
                    default: XCTFail("\(person) \(offer.id): \(kind) after \(state) in \(entries)")
                    }
                }
                let file = try store.loadOffer(offer.id)
                let expected: String
                switch Booking.place(of: person, in: file) {
                case .seat?: expected = "seat"
                case .waiting?: expected = "waiting"
                case nil: expected = "none"
                }
                XCTAssertEqual(state, expected, "\(person) \(offer.id) journal \(entries)")
                XCTAssertEqual(entries.filter { $0 == .booked || $0 == .waitlisted }.count, model.booked[model.key(person, offer.id)] ?? 0)
                XCTAssertEqual(entries.filter { $0 == .unbooked }.count, model.unbooked[model.key(person, offer.id)] ?? 0)
            }
        }
        let check = try stepwise(["check"])
        XCTAssertEqual(check.status, 0, "every file parses and is private: \(check.stdout)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("locks").path)
        XCTAssertEqual(leftovers, [], "no lock or temporary file left behind")
        let strays = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("offers").path)
            .filter { $0.hasPrefix(".") }
        XCTAssertEqual(strays, [], "no half-written temporary files")

        XCTAssertEqual(reader.failures, [], "every read of an offer during the race parsed and was within capacity")
        XCTAssertGreaterThan(reader.reads, 100)
        let seconds = Date().timeIntervalSince(started)
        print(
            """
            booking race: \(model.operations) processes (one operation each), \(processesPerRound) at a time \
            (\(model.successes) succeeded: \(model.bookedCount) booked, \(model.waitlistedCount) waitlisted, \
            \(model.unbookedCount) unbooked, \(model.promotions) promotions reported; \(model.refusals) refused as expected), \
            \(reader.reads) reads during the race, \(String(format: "%.1f", seconds)) s
            """)
        XCTAssertGreaterThanOrEqual(model.operations, 500)
    }

    // MARK: - Running processes

    /// Starts every job at once and waits for all of them.
    private func runTogether(_ jobs: [RaceJob]) throws -> [CLIResult] {
        let folder = root.appendingPathComponent("run-" + UUID().uuidString.prefix(8))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var running: [(Process, URL, URL)] = []
        for (index, job) in jobs.enumerated() {
            let out = folder.appendingPathComponent("\(index).out")
            let err = folder.appendingPathComponent("\(index).err")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: E2E.binary)
            process.arguments = [job.book ? "book" : "unbook", job.participant, job.offer, "--data", data.path]
            process.environment = ProcessInfo.processInfo.environment.merging(E2E.environment) { $1 }
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            running.append((process, out, err))
        }
        for (process, _, _) in running { try process.run() }
        let deadline = Date().addingTimeInterval(60)
        var results: [CLIResult] = []
        for (process, out, err) in running {
            while process.isRunning && Date() < deadline { usleep(2_000) }
            if process.isRunning {
                process.terminate()
                throw E2EError("a booking process did not end within 60 s")
            }
            process.waitUntilExit()
            results.append(
                CLIResult(
                    status: process.terminationStatus, stdoutData: (try? Data(contentsOf: out)) ?? Data(),
                    stderr: String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self)))
        }
        return results
    }

    private func participantIDs() throws -> [String] {
        let result = try stepwise(["list", "--json"])
        let objects = try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]] ?? []
        return objects.compactMap { $0["id"] as? String }
    }

    /// Between rounds: within capacity, nobody twice, no free seat while someone waits, lines in time order.
    private func checkOffers(after when: String) throws {
        let store = DataStore(root: data)
        for offer in offers {
            let file = try store.loadOffer(offer.id)
            let ids = (file.booked + file.waiting).map(\.participantId)
            XCTAssertLessThanOrEqual(file.booked.count, offer.capacity, "\(offer.id) overbooked after \(when)")
            XCTAssertEqual(Set(ids).count, ids.count, "\(offer.id) holds someone twice after \(when): \(ids)")
            if !file.waiting.isEmpty {
                XCTAssertEqual(file.booked.count, offer.capacity, "\(offer.id) has a free seat while people wait after \(when)")
            }
            if let limit = offer.waitlist { XCTAssertLessThanOrEqual(file.waiting.count, limit, "\(offer.id) waitlist after \(when)") }
            XCTAssertEqual(file.waiting.map(\.since), file.waiting.map(\.since).sorted(), "\(offer.id) waitlist order after \(when)")
            XCTAssertEqual(file.booked.map(\.since), file.booked.map(\.since).sorted(), "\(offer.id) seat order after \(when)")
        }
    }
}

/// What the processes reported, per participant and offer; their own changes are sequential
/// within the mixed rounds, so whether each holds a seat or a place is known exactly.
private struct RaceModel {
    var holding: Set<String> = []
    var booked: [String: Int] = [:]
    var unbooked: [String: Int] = [:]
    var operations = 0
    var successes = 0
    var refusals = 0
    var bookedCount = 0
    var waitlistedCount = 0
    var unbookedCount = 0
    var promotions = 0

    func key(_ person: String, _ offer: String) -> String { person + " " + offer }
    func holds(_ person: String, _ offer: String) -> Bool { holding.contains(key(person, offer)) }

    mutating func record(_ job: RaceJob, _ result: CLIResult, waitlistLimit: Int?, round: Int) {
        operations += 1
        let key = key(job.participant, job.offer)
        let context = "round \(round), \(job.book ? "book" : "unbook") \(key): \(result.status) \(result.stdout)\(result.stderr)"
        promotions += result.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("promoted from the waitlist: ") }.count
        if result.status == 0 {
            successes += 1
            if job.book {
                XCTAssertTrue(result.stdout.hasPrefix("booked: ") || result.stdout.hasPrefix("waitlisted at place "), context)
                if result.stdout.hasPrefix("booked: ") { bookedCount += 1 } else { waitlistedCount += 1 }
                booked[key, default: 0] += 1
                holding.insert(key)
            } else {
                XCTAssertTrue(result.stdout.hasPrefix("unbooked: ") || result.stdout.hasPrefix("left the waitlist: "), context)
                unbookedCount += 1
                unbooked[key, default: 0] += 1
                holding.remove(key)
            }
            return
        }
        XCTAssertEqual(result.status, 1, context)
        refusals += 1
        if job.book {
            if holds(job.participant, job.offer) {
                XCTAssertTrue(result.stderr.hasPrefix("stepwise: already "), context)
            } else {
                XCTAssertNotNil(waitlistLimit, "a booking into an unlimited waitlist never fails: \(context)")
                XCTAssertTrue(result.stderr.contains("is full"), context)
            }
        } else {
            XCTAssertFalse(holds(job.participant, job.offer), "a held seat can always be given up: \(context)")
            XCTAssertTrue(result.stderr.hasPrefix("stepwise: not booked: "), context)
        }
    }
}

/// One run of `stepwise book` or `stepwise unbook`.
private struct RaceJob {
    var book: Bool
    var participant: String
    var offer: String
}

/// Reads the race offers again and again in the background, as another terminal would,
/// and notes every read that does not parse or shows more seats than the capacity.
private final class FileReader: @unchecked Sendable {
    private let folder: URL
    private let ids: [String]
    private let capacities: [String: Int]
    private let lock = NSLock()
    private var running = false
    private var thread: Thread?
    private let done = DispatchSemaphore(value: 0)
    private var _reads = 0
    private var _failures: [String] = []

    init(folder: URL, ids: [String], capacities: [String: Int]) {
        self.folder = folder
        self.ids = ids
        self.capacities = capacities
    }

    var reads: Int { lock.withLock { _reads } }
    var failures: [String] { lock.withLock { _failures } }

    func start() {
        lock.withLock { running = true }
        let thread = Thread { [self] in
            while lock.withLock({ running }) {
                for id in ids {
                    let url = folder.appendingPathComponent(id + ".json")
                    var failure: String?
                    if let data = FileManager.default.contents(atPath: url.path) {
                        do {
                            let offer = try RecordCodec.offer(from: data, file: "offers/\(id).json")
                            if offer.booked.count > capacities[id] ?? 0 { failure = "\(id): \(offer.booked.count) seats booked" }
                        } catch {
                            failure = "\(id): \(error)"
                        }
                    } else {
                        failure = "\(id): missing"
                    }
                    lock.withLock {
                        _reads += 1
                        if let failure, _failures.count < 20 { _failures.append(failure) }
                    }
                }
                usleep(1_000)
            }
            done.signal()
        }
        self.thread = thread
        thread.start()
    }

    func stop() {
        let wasRunning = lock.withLock { () -> Bool in
            let was = running
            running = false
            return was
        }
        if wasRunning { done.wait() }
    }
}
