import Foundation
import StepwiseCore
import StepwiseTestSupport
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The real program saving, killed with SIGKILL at random moments, 200 times: a catalogue
/// import writing 30 offers, and bookings and cancellations writing an offer, the journals
/// of the people concerned and the audit log. After every kill each file parses and holds
/// either its old or its new version; what had been saved before stays saved.
final class CrashSafetyTests: EndToEndTestCase {
    private let offerCount = 30
    private let bookable = ["o-crash-0", "o-crash-1", "o-crash-2"]

    private struct Version: Equatable {
        var title: String
        var capacity: Int
        var description: String
    }

    private func version(_ letter: String, _ index: Int) -> Version {
        // The bookable offers keep two seats in both versions, so that an import never promotes nor refuses.
        Version(
            title: "\(letter) \(index)", capacity: index < 3 ? 2 : (letter == "A" ? 10 : 12),
            description: "version \(letter) of offer \(index)")
    }

    private func catalogue(_ letter: String) throws -> URL {
        let url = root.appendingPathComponent("catalogue-\(letter).csv")
        let rows = (0..<offerCount).map { index -> String in
            let v = version(letter, index)
            return "o-crash-\(index),\(v.title),workshop,\(v.capacity),\(v.description)"
        }
        try (["id,title,kind,capacity,description"] + rows).joined(separator: "\r\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func testSavesKilledAtRandomMomentsLeaveEveryFileOldOrNew() throws {
        let started = Date()
        // Eight participants and nothing else, so that checking every file after each kill is quick.
        let store = DataStore(root: data)
        try store.prepare()
        for index in 0..<8 {
            try store.save(
                Participant(
                    id: "p-crash-\(index)", name: "Person \(index)", language: "da",
                    courseStart: Day.today.adding(days: -7 * index), by: Stamp(by: "Anna", at: Date())))
        }
        let people = store.participantIDs()
        let catalogues = ["A": try catalogue("A"), "B": try catalogue("B")]
        var random = SplitMix64(seed: 0xC2A5_4_2026)

        // Whole imports and bookings first, to time them (the fastest of three).
        var importTime = TimeInterval.infinity
        var bookTime = TimeInterval.infinity
        for letter in ["A", "B", "A"] {
            let clock = Date()
            XCTAssertEqual(try stepwise(["offers", "import", catalogues[letter]!.path]).status, 0)
            importTime = min(importTime, Date().timeIntervalSince(clock))
        }
        for verb in ["book", "unbook", "book"] {
            let clock = Date()
            XCTAssertEqual(try stepwise([verb, people[0], bookable[0]]).status, 0)
            bookTime = min(bookTime, Date().timeIntervalSince(clock))
        }
        var checking: TimeInterval = 0
        var leftBehind = 0

        var kills = 0
        var completed = 0
        var attempts = 0
        var killedDuring: [String: Int] = [:]
        var current = try State(store)
        while kills < 200 && attempts < 800 {
            attempts += 1
            let before = current
            let operation: Operation
            if attempts % 3 == 0 {
                let letter = attempts % 2 == 0 ? "A" : "B"
                operation = .importing(letter, catalogues[letter]!)
            } else {
                let person = people[Int(random.next() % UInt64(people.count))]
                let offer = bookable[Int(random.next() % UInt64(bookable.count))]
                let holds = before.offers[offer].map { Booking.place(of: person, in: $0) != nil } ?? false
                operation = holds ? .unbook(person, offer) : .book(person, offer)
            }
            let baseline = leftovers()
            let pid = try Spawn.start(operation.arguments + ["--data", data.path])
            let window = operation.isImport ? importTime : bookTime
            // Mostly after the program has started (about 15 ms), while it reads and writes.
            let from = operation.isImport ? 0.15 : 0.4
            let fraction = from + (0.98 - from) * Double(random.next() % 1_000) / 1_000
            usleep(UInt32(fraction * window * 1_000_000))
            var status: Int32 = 0
            let killed: Bool
            if Spawn.hasEnded(pid, status: &status) {
                killed = false
                completed += 1
            } else {
                kill(pid, SIGKILL)
                status = Spawn.wait(pid)
                killed = status == 128 + SIGKILL
                if killed {
                    kills += 1
                    killedDuring[operation.name, default: 0] += 1
                    if leftovers() > baseline { leftBehind += 1 }
                } else {
                    completed += 1
                }
            }
            let clock = Date()
            current = try State(store)
            try verify(before: before, after: current, operation, killed: killed, status: status, attempt: attempts)
            checking += Date().timeIntervalSince(clock)
            if (testRun?.totalFailureCount ?? 0) > 0 { break }
        }
        XCTAssertEqual(kills, 200, "200 saves were killed in \(attempts) attempts")

        // Whatever was left behind (locks of killed processes) is taken over: the program still works.
        XCTAssertEqual(try stepwise(["offers", "import", catalogues["B"]!.path]).status, 0)
        let final = try State(store)
        for index in 0..<offerCount {
            XCTAssertEqual(final.version(of: "o-crash-\(index)"), version("B", index), "a whole import after the crashes")
        }
        let check = try stepwise(["check"])
        XCTAssertEqual(check.status, 0, "every file parses and is private: \(check.stdout)")
        print(
            "crash safety: \(kills) kills (\(killedDuring.sorted { $0.key < $1.key }.map { "\($0.value) during \($0.key)" }.joined(separator: ", "))), "
                + "\(completed) runs that finished first, import \(Int(importTime * 1000)) ms, booking \(Int(bookTime * 1000)) ms, "
                + "\(leftBehind) kills left a lock or a temporary file (taken over or ignored by the next run), "
                + "checking the files \(String(format: "%.1f", checking)) s, "
                + "\(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    /// Lock files and temporary files a killed run left behind.
    private func leftovers() -> Int {
        let locks = (try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("locks").path)) ?? []
        let temporary = ["offers", "participants", "."].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent(folder).path)) ?? [])
                .filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }
        }
        return locks.count + temporary.count
    }

    private enum Operation {
        case importing(String, URL)
        case book(String, String)
        case unbook(String, String)

        var arguments: [String] {
            switch self {
            case .importing(_, let url): return ["offers", "import", url.path]
            case .book(let person, let offer): return ["book", person, offer]
            case .unbook(let person, let offer): return ["unbook", person, offer]
            }
        }

        var isImport: Bool {
            if case .importing = self { return true }
            return false
        }

        var name: String {
            switch self {
            case .importing: return "import"
            case .book: return "book"
            case .unbook: return "unbook"
            }
        }
    }

    /// Every offer and participant file, parsed (a file that does not parse fails the test),
    /// and the audit log's lines.
    private struct State {
        var offers: [String: Offer] = [:]
        var journals: [String: Int] = [:]
        var auditLines = 0

        init(_ store: DataStore) throws {
            for id in store.offerIDs() {
                let url = store.root.appendingPathComponent("offers/\(id).json")
                offers[id] = try RecordCodec.offer(from: try Data(contentsOf: url), file: "offers/\(id).json")
            }
            for id in store.participantIDs() {
                journals[id] = try store.loadParticipant(id).journal.count
            }
            let log = (try? Data(contentsOf: store.root.appendingPathComponent("audit.log"))) ?? Data()
            let lines = log.split(separator: 0x0A)
            for line in lines where (try? JSONSerialization.jsonObject(with: Data(line))) == nil {
                throw E2EError("a line of the audit log does not parse: \(String(decoding: line, as: UTF8.self))")
            }
            auditLines = lines.count
        }

        func version(of id: String) -> Version? {
            offers[id].map { Version(title: $0.title, capacity: $0.capacity, description: $0.description) }
        }

        func people(in id: String) -> [String] {
            offers[id].map { ($0.booked + $0.waiting).map(\.participantId) } ?? []
        }
    }

    private func verify(before: State, after: State, _ operation: Operation, killed: Bool, status: Int32, attempt: Int) throws {
        let when = "attempt \(attempt), \(operation.arguments.joined(separator: " ")), \(killed ? "killed" : "exit \(status)")"
        XCTAssertEqual(Set(after.offers.keys), Set(before.offers.keys), "no offer file appears or goes: \(when)")
        XCTAssertEqual(Set(after.journals.keys), Set(before.journals.keys), "no participant file appears or goes: \(when)")
        XCTAssertTrue([before.auditLines, before.auditLines + 1].contains(after.auditLines), "audit log lines: \(when)")
        switch operation {
        case .importing(let letter, _):
            for index in 0..<offerCount {
                let id = "o-crash-\(index)"
                let now = after.version(of: id)
                XCTAssertTrue(
                    now == before.version(of: id) || now == version(letter, index),
                    "\(id) is neither its old nor its new version: \(String(describing: now)) (\(when))")
                XCTAssertEqual(after.people(in: id), before.people(in: id), "an import keeps the seats of \(id): \(when)")
                if !killed && status == 0 { XCTAssertEqual(now, version(letter, index), "a finished import wrote \(id): \(when)") }
            }
            XCTAssertEqual(after.journals, before.journals, when)
        case .book(let person, let offer), .unbook(let person, let offer):
            let old = try XCTUnwrap(before.offers[offer])
            let now = Date()
            let change: Booking.Change?
            if case .book = operation {
                change = try? Booking.book(person, into: old, at: now)
            } else {
                change = try? Booking.unbook(person, from: old, at: now)
            }
            let expected = change.map { ($0.offer.booked + $0.offer.waiting).map(\.participantId) } ?? before.people(in: offer)
            let seen = after.people(in: offer)
            XCTAssertTrue(
                seen == before.people(in: offer) || seen == expected,
                "\(offer) holds \(seen): neither the old \(before.people(in: offer)) nor the new \(expected) (\(when))")
            if !killed && status == 0 { XCTAssertEqual(seen, expected, "a finished change was written: \(when)") }
            for (id, count) in after.journals {
                let concerned = change?.events.contains { $0.participantId == id } ?? false
                XCTAssertTrue(
                    count == before.journals[id] || (concerned && count == (before.journals[id] ?? 0) + 1),
                    "\(id)'s journal went from \(before.journals[id] ?? -1) to \(count) entries: \(when)")
            }
            for (id, offerBefore) in before.offers where id != offer {
                XCTAssertEqual(after.offers[id], offerBefore, "\(id) was not part of the change: \(when)")
            }
        }
    }
}
