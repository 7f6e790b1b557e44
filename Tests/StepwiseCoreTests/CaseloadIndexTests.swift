import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// The caseload index: used when nothing changed, and never believed over the files.
final class CaseloadIndexTests: XCTestCase {
    var temp = TempStore()

    override func setUp() {
        temp = TempStore()
        try? temp.store.prepare()
    }

    override func tearDown() { temp.cleanUp() }

    /// The index with a clock a minute ahead, so that files written by the test count as
    /// settled (the real clock is used in `testAFileChangedJustNowIsReadAgainNextTime`).
    var index: CaseloadIndex {
        CaseloadIndex(store: temp.store, racyWindow: 2, now: { Date().addingTimeInterval(60) })
    }

    var indexURL: URL { temp.url.appendingPathComponent(CaseloadIndex.fileName) }

    func file(_ id: String) -> URL { temp.url.appendingPathComponent("participants/\(id).json") }

    func participant(_ name: String, id: String, start: String = "2026-10-05") -> Participant {
        Participant(
            id: id, name: name, language: "da", courseStart: day(start),
            by: Stamp(by: "Anna", at: Date(timeIntervalSince1970: 1_795_000_000)))
    }

    /// Writes a participant file the quick way (no fsync); `inPlace` keeps the inode.
    @discardableResult
    func write(_ name: String, id: String, start: String = "2026-10-05", inPlace: Bool = false) throws -> Participant {
        let record = participant(name, id: id, start: start)
        try RecordCodec.encode(record).write(to: file(id), options: inPlace ? [] : [.atomic])
        return record
    }

    /// The caseload as parsing every file gives it: what the index must reproduce.
    func parsedCaseload() -> Caseload {
        var entries: [CaseloadEntry] = []
        var unreadable: [CaseloadRow] = []
        for id in temp.store.participantIDs() {
            do {
                entries.append(CaseloadEntry(try temp.store.loadParticipant(id)))
            } catch let problem as RecordProblem {
                unreadable.append(.unreadable(id: id, problem: problem))
            } catch {
                XCTFail("unexpected \(error)")
            }
        }
        let locale = temp.store.nameOrder.locale
        return Caseload(
            entries.sorted { $0.name.compare($1.name, options: [.caseInsensitive, .numeric], range: nil, locale: locale) == .orderedAscending }
                .map(CaseloadRow.participant)
                + unreadable)
    }

    func names<Rows: Sequence<CaseloadRow>>(_ rows: Rows) -> [String] {
        rows.map { row in
            if case .participant(let entry) = row { return entry.name }
            return "unreadable " + row.id
        }
    }

    /// The caseload sorts names as the coach's language does: Danish and Swedish put Å after
    /// Z (Danish Æ Ø Å, Swedish Å Ä Ö), German sorts Ä with A; numbers by value. An index
    /// sorted for another language is sorted again.
    func testTheCaseloadSortsNamesAsTheCoachsLanguageDoes() throws {
        for (name, id) in [("Åse", "p-1"), ("Anna", "p-2"), ("Zoe", "p-3"), ("Ärla", "p-4"), ("Øivind", "p-5"), ("Kim 10", "p-6"), ("Kim 2", "p-7")] {
            try write(name, id: id)
        }
        let expected = [
            "da": ["Anna", "Kim 2", "Kim 10", "Zoe", "Ärla", "Øivind", "Åse"],
            "sv": ["Anna", "Kim 2", "Kim 10", "Zoe", "Åse", "Ärla", "Øivind"],
            "de": ["Anna", "Ärla", "Åse", "Kim 2", "Kim 10", "Øivind", "Zoe"],
        ]
        for language in ["da", "sv", "de", "da"] {
            let store = DataStore(root: temp.url, language: language)
            XCTAssertEqual(names(CaseloadIndex(store: store).load().rows), expected[language], language)
            XCTAssertEqual(names(store.loadCaseload()), expected[language], "\(language), read through the index")
        }
    }

    func testTheSecondLoadParsesNothingAndShowsTheSame() throws {
        try write("Søren Ærø", id: "p-s1")
        try write("anna Berg", id: "p-a1")
        try write("Åsa Lind", id: "p-aa1")
        let first = index.load()
        XCTAssertEqual(first.rows, parsedCaseload())
        XCTAssertEqual(first.statistics.index, .missing)
        XCTAssertEqual(first.statistics.parsed, 3)
        XCTAssertEqual(first.statistics.write, .rewritten)
        XCTAssertEqual(mode(indexURL), 0o600, "the index holds names: private like the records")

        let second = index.load()
        XCTAssertEqual(second.rows, first.rows)
        XCTAssertEqual(second.statistics, CaseloadIndex.Statistics(index: .valid, files: 3, reused: 3, parsed: 0, removed: 0, write: .none))
    }

    func testTheStoreLoadsTheCaseloadThroughTheIndex() throws {
        try write("Mette", id: "p-m1")
        XCTAssertEqual(names(temp.store.loadCaseload()), ["Mette"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: indexURL.path))
    }

    func testAFileReplacedBehindTheProgramsBackIsReadAgain() throws {
        try write("Anna", id: "p-a1")
        try write("Bo", id: "p-b1")
        index.load()
        // Another terminal saves (an atomic rename: a new inode).
        try write("Zoë", id: "p-a1")
        let result = index.load()
        XCTAssertEqual(result.statistics.parsed, 1)
        XCTAssertEqual(result.statistics.reused, 1)
        XCTAssertEqual(names(result.rows), ["Bo", "Zoë"])
        XCTAssertEqual(result.rows, parsedCaseload())
        XCTAssertEqual(index.load().statistics.parsed, 0, "the index was repaired")
    }

    func testAnEditInPlaceOfTheSameSizeWithTheOldTimeRestoredIsNoticed() throws {
        try write("Anna", id: "p-a1")
        index.load()
        var before = stat()
        stat(file("p-a1").path, &before)
        usleep(20_000)  // a later tick of the file system's clock
        // A hand edit (or `cp -p` of a backup) that keeps the inode, the size and the time.
        try write("Enna", id: "p-a1", inPlace: true)
        var times = [before.st_atim, before.st_mtim]
        XCTAssertEqual(utimensat(AT_FDCWD, file("p-a1").path, &times, 0), 0)
        var after = stat()
        stat(file("p-a1").path, &after)
        XCTAssertEqual(after.st_size, before.st_size)
        XCTAssertEqual(after.st_ino, before.st_ino)
        XCTAssertEqual(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec)

        let result = index.load()
        XCTAssertEqual(result.statistics.parsed, 1, "the change time gives it away")
        XCTAssertEqual(names(result.rows), ["Enna"])
    }

    func testNewAndRemovedFilesAreNoticed() throws {
        try write("Anna", id: "p-a1")
        try write("Bo", id: "p-b1")
        index.load()
        try FileManager.default.removeItem(at: file("p-a1"))
        try write("Carl", id: "p-c1")
        let result = index.load()
        XCTAssertEqual(names(result.rows), ["Bo", "Carl"])
        XCTAssertEqual(result.statistics.parsed, 1)
        XCTAssertEqual(result.statistics.removed, 1)
        XCTAssertEqual(result.rows, parsedCaseload())
        // The file comes back from a backup with its old name: read again, not taken from old lines.
        try write("Anna Restored", id: "p-a1")
        XCTAssertEqual(names(index.load().rows), ["Anna Restored", "Bo", "Carl"])
    }

    func testTheNameOfARemovedOrErasedParticipantLeavesTheIndex() throws {
        try write("Anna Secret", id: "p-a1")
        try write("Bo", id: "p-b1")
        try write("Carl Hidden", id: "p-c1")
        index.load()
        let carl = try temp.store.loadParticipant("p-c1")
        index.recordSaved(carl)  // a line in the body and one appended
        try FileManager.default.removeItem(at: file("p-a1"))
        XCTAssertEqual(index.load().statistics.write, .rewritten, "a removal rewrites the index at once")
        XCTAssertFalse(try String(contentsOf: indexURL, encoding: .utf8).contains("Anna Secret"))

        index.recordSaved(carl)
        XCTAssertTrue(index.forget("p-c1"))
        let text = try String(contentsOf: indexURL, encoding: .utf8)
        XCTAssertFalse(text.contains("Hidden"), text)
        XCTAssertTrue(text.contains("\"Bo\""))
        XCTAssertEqual(mode(indexURL), 0o600)
        let result = index.load()
        XCTAssertEqual(result.statistics.parsed, 1, "Carl's file is still there: read again")
        XCTAssertEqual(result.rows, parsedCaseload())
        XCTAssertEqual(index.load().statistics.parsed, 0)
    }

    func testAMissingOrDamagedIndexIsRebuilt() throws {
        try write("Anna", id: "p-a1")
        try write("Bo", id: "p-b1")
        try write("Carl", id: "p-c1")
        let expected = parsedCaseload()
        index.load()
        let good = try Data(contentsOf: indexURL)
        let text = String(decoding: good, as: UTF8.self)
        let damages: [(String, Data, CaseloadIndex.Statistics.IndexState, Int)] = [
            ("missing", Data(), .missing, 3),
            ("garbage", Data([0xFF, 0x00, 0x7B, 0x22]), .broken, 3),
            ("empty", Data(), .broken, 3),
            ("truncated in the middle of a line", good.prefix(good.count - 30), .valid, 1),
            ("a name changed by hand", Data(text.replacingOccurrences(of: "\"Bo\"", with: "\"Bob\"").utf8), .valid, 1),
            (
                "another version", Data(text.replacingOccurrences(of: "index\",\(CaseloadIndex.formatVersion),", with: "index\",99,").utf8),
                .broken, 3
            ),
            ("plain JSON", Data(#"{"participants": []}"#.utf8), .broken, 3),
        ]
        for (what, data, state, parsed) in damages {
            if what == "missing" { try FileManager.default.removeItem(at: indexURL) } else { try data.write(to: indexURL) }
            let result = index.load()
            XCTAssertEqual(result.rows, expected, what)
            XCTAssertEqual(result.statistics.index, state, what)
            XCTAssertEqual(result.statistics.parsed, parsed, what)
            XCTAssertEqual(result.statistics.write, .rewritten, what)
            XCTAssertEqual(index.load().statistics.parsed, 0, "\(what): rebuilt")
        }
    }

    func testAnUnreadableFileIsRememberedWithItsReasonAndCheckedAgainWhenChanged() throws {
        try write("Anna", id: "p-a1")
        try Data("{\"schemaVersion\": 1, \"id\": \"p-bad".utf8).write(to: file("p-bad"))
        let first = index.load()
        XCTAssertEqual(first.rows, parsedCaseload())
        guard case .unreadable(let id, let problem)? = first.rows.last else { return XCTFail("\(first.rows)") }
        XCTAssertEqual(id, "p-bad")
        XCTAssertEqual(problem.file, "participants/p-bad.json")

        let second = index.load()
        XCTAssertEqual(second.statistics.parsed, 0, "the reason is kept in the index")
        XCTAssertEqual(second.rows, first.rows)

        try write("Bo Fixed", id: "p-bad")
        let third = index.load()
        XCTAssertEqual(third.statistics.parsed, 1)
        XCTAssertEqual(names(third.rows), ["Anna", "Bo Fixed"])
    }

    func testAnInvalidFileNameIsShownAsUnreadableAsBefore() throws {
        try write("Anna", id: "p-a1")
        try Data("{}".utf8).write(to: temp.url.appendingPathComponent("participants/Bad Name.json"))
        XCTAssertEqual(index.load().rows, parsedCaseload())
        XCTAssertEqual(index.load().rows, parsedCaseload())
    }

    func testASaveRecordedByTheStoreNeedsNoParse() throws {
        try write("Anna", id: "p-a1")
        try write("Bo", id: "p-b1")
        index.load()
        var changed = try temp.store.loadParticipant("p-b1")
        changed.name = "Aaron"
        try temp.store.save(changed)
        index.recordSaved(changed)
        let result = index.load()
        XCTAssertEqual(result.statistics.parsed, 0)
        XCTAssertEqual(names(result.rows), ["Aaron", "Anna"])
        XCTAssertEqual(result.rows, parsedCaseload())
    }

    func testAppendedLinesAreCompacted() throws {
        try write("Anna", id: "p-a1")
        index.load()
        let anna = try temp.store.loadParticipant("p-a1")
        for _ in 0..<70 { index.recordSaved(anna) }
        let result = index.load()
        XCTAssertEqual(result.statistics.parsed, 0)
        XCTAssertEqual(result.statistics.write, .rewritten)
        let lines = try String(contentsOf: indexURL, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix(#"["d","#) }
        XCTAssertEqual(lines.count, 2, "a header and one line (besides the folder's stamp)")
    }

    /// The index is read line by line against the folder listing: the last line about a file
    /// counts, whether it agrees with an earlier one, replaces it, or no longer holds the file.
    func testTheLastLineAboutAFileCounts() throws {
        try write("Anna", id: "p-a1")
        try write("Bo", id: "p-b1")
        try write("Cleo", id: "p-c1")
        index.load()
        // A line appended about a file its body line already holds as it is: shown once.
        index.recordSaved(try temp.store.loadParticipant("p-a1"))
        // A line appended about a file saved since: it replaces the body line.
        var bo = try temp.store.loadParticipant("p-b1")
        bo.name = "Aaron"
        try temp.store.save(bo)
        index.recordSaved(bo)
        var result = index.load()
        XCTAssertEqual(result.statistics.parsed, 0)
        XCTAssertEqual(names(result.rows), ["Aaron", "Anna", "Cleo"])
        XCTAssertEqual(result.rows, parsedCaseload())
        // A later line that does not hold the file as it is (its stamp is another) wins over a
        // body line that does: the file is read again, and the later line's name never shows.
        let stale = IndexRecord(
            id: "p-c1", stamp: FileStamp(size: 1, modified: 1, changed: 1, inode: 1),
            value: .entry(CaseloadEntry(participant("Zed", id: "p-c1"))))
        XCTAssertTrue(IndexFile.append([IndexFile.line(stale)], to: indexURL.path))
        result = index.load()
        XCTAssertEqual(result.statistics.parsed, 1)
        XCTAssertEqual(names(result.rows), ["Aaron", "Anna", "Cleo"])
        XCTAssertEqual(result.rows, parsedCaseload())
        XCTAssertEqual(index.load().statistics.parsed, 0, "the index was repaired")
    }

    func testAFileChangedJustNowIsReadAgainNextTime() throws {
        // With the real clock: a file written this instant could change again within the same
        // tick of the file system's clock without its stamp changing, so it is not recorded.
        let realClock = CaseloadIndex(store: temp.store)
        try write("Anna", id: "p-a1")
        XCTAssertEqual(realClock.load().statistics.parsed, 1)
        XCTAssertEqual(realClock.load().statistics.parsed, 1)
        XCTAssertEqual(index.load().statistics.parsed, 1)
        XCTAssertEqual(index.load().statistics.parsed, 0)
    }

    func testAnIndexSortedForAnotherLocaleIsUsedAndSortedAgain() throws {
        try write("Bo", id: "p-b1")
        try write("Anna", id: "p-a1")
        index.load()
        let text = try String(contentsOf: indexURL, encoding: .utf8)
        // A header for another locale, signed as the writer would, over the body in reverse.
        var writer = LineWriter()
        writer.string(CaseloadIndex.formatName)
        writer.integer(Int64(CaseloadIndex.formatVersion))
        writer.string("xx_XX")
        writer.integer(2)
        let body = text.split(separator: "\n").dropFirst().reversed().joined(separator: "\n")
        try (String(decoding: writer.finish(), as: UTF8.self) + "\n" + body + "\n").write(to: indexURL, atomically: true, encoding: .utf8)
        let result = index.load()
        XCTAssertEqual(result.statistics.index, .outdated)
        XCTAssertEqual(result.statistics.parsed, 0, "the entries are still good")
        XCTAssertEqual(names(result.rows), ["Anna", "Bo"])
        XCTAssertEqual(result.statistics.write, .rewritten)
        XCTAssertEqual(index.load().statistics.index, .valid)
    }

    func testTheOrderAfterManyChangesIsTheOrderOfAFullSort() throws {
        let names = [
            "Søren", "soren", "Sören", "Anna 10", "Anna 9", "anna 9", "Åse", "Aase", "Zoë", "Zoe", "Ødegaard",
            "Ole", "Émile", "Emile", "李", "Jürgen", "Jurgen", "Ana", "Bo", "bo", "Mette-Marie", "Mette Marie",
        ]
        var random = IndexTestRandom(seed: 7)
        for (number, name) in names.enumerated() { try write(name, id: "p-\(number)") }
        XCTAssertEqual(index.load().rows, parsedCaseload())
        for round in 0..<6 {
            for _ in 0..<3 {
                let id = "p-\(random.next(below: names.count + 6))"
                switch random.next(below: 4) {
                case 0: try? FileManager.default.removeItem(at: file(id))
                case 1:
                    let record = try write(names[random.next(below: names.count)], id: id, start: "2026-0\(1 + round)-05")
                    try temp.store.save(record)
                    index.recordSaved(record)
                default: try write(names[random.next(below: names.count)], id: id)
                }
            }
            let result = index.load()
            XCTAssertEqual(self.names(result.rows), self.names(parsedCaseload()), "round \(round)")
            XCTAssertEqual(result.rows, parsedCaseload(), "round \(round)")
        }
    }

    func testIndexLinesSurviveAnyText() throws {
        let odd = "Quote \" back\\slash \n new\tline \u{1} é 李 👩‍👩‍👧"
        // The reason's key and arguments come back too, so the screens can say it in any language.
        let reason = ProblemReason(odd, key: "problem.idNotFileName", ["expected": odd, "n": "2"], keyArguments: ["form": "problem.form.text"])
        let record = IndexRecord(
            id: "p-odd", stamp: FileStamp(size: 12, modified: -5, changed: Int64.max, inode: Int64.min + 1),
            value: .unreadable(RecordProblem(file: odd, field: nil, reason: reason)))
        let entry = CaseloadEntry(participant(odd, id: "p-odd2"))
        let second = IndexRecord(id: "p-odd2", stamp: FileStamp(size: 1, modified: 2, changed: 3, inode: 4), value: .entry(entry))
        XCTAssertTrue(IndexFile.write([IndexFile.line(record), IndexFile.line(second)], locale: "en", to: indexURL))
        let found = IndexFile.read(indexURL.path, locale: "en")
        XCTAssertEqual(found.state, .valid)
        XCTAssertEqual(found.records.count, 2)
        XCTAssertEqual(found.records.first?.stamp, record.stamp)
        guard case .unreadable(let problem)? = found.records.first?.value, case .entry(let back)? = found.records.last?.value else {
            return XCTFail("\(found.records)")
        }
        XCTAssertEqual(problem, RecordProblem(file: odd, field: nil, reason: reason))
        XCTAssertEqual(back, entry)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: indexURL).split(separator: 0x0A)[1])
        XCTAssertEqual((json as? [Any])?[6] as? String, odd, "each line is plain JSON")
    }
}

/// A small seeded random number generator, so that the order test is the same every run.
struct IndexTestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
