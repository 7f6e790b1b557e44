import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// A participant is saved with only its changed list elements encoded again
/// (`SplicedRecordEncoder`), and the file is byte for byte what `RecordCodec.encode` of the
/// whole record gives: demo records, a megabyte of text, and randomized records with every
/// kind of awkward text, changed one element at a time.
final class SplicedRecordEncoderTests: XCTestCase {
    /// The demo's participants, as read back from their files.
    private func demoParticipants() throws -> (TempStore, [Participant]) {
        let temp = TempStore()
        try DemoData.create(in: temp.store, resources: resourcesURL, today: day("2026-11-22"), by: anna)
        let participants = try temp.store.participantIDs().map(temp.store.loadParticipant)
        XCTAssertGreaterThan(participants.count, 3)
        return (temp, participants)
    }

    private func assertSameBytes(_ participant: Participant, _ context: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let whole = try RecordCodec.encode(participant)
        let spliced = try SplicedRecordEncoder.encode(participant)
        guard spliced != whole else { return }
        let at = zip(spliced, whole).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(spliced.count, whole.count)
        let around = { (data: Data) in String(decoding: data[max(0, at - 80)..<min(data.count, at + 80)], as: UTF8.self) }
        XCTFail("\(context): bytes differ at \(at)\nspliced: \(around(spliced))\nwhole:   \(around(whole))", file: file, line: line)
    }

    func testTheDemoRecordsAreSavedAsRecordCodecEncodesThem() throws {
        let (temp, participants) = try demoParticipants()
        defer { temp.cleanUp() }
        for participant in participants {
            try assertSameBytes(participant, participant.name)
            // The demo wrote its files through DataStore.save, so through the splicing.
            let onDisk = try Data(contentsOf: temp.store.participantFile(participant.id))
            XCTAssertEqual(onDisk, try RecordCodec.encode(participant), participant.name)
        }
    }

    /// The bench's pathological record: a megabyte of text in two notes.
    func testAMegabyteOfTextIsSplicedWhole() throws {
        let now = Date(timeIntervalSince1970: 1_764_000_000)
        var participant = Participant(id: "p-longtext", name: "Long Text", language: "en", courseStart: day("2026-11-02"), by: Stamp(by: "Bench", at: now))
        func note(_ id: String, _ text: String) -> ProgressNote {
            ProgressNote(id: id, kind: .note, sessionId: nil, tags: [], text: Words(text, author: .coach, by: "Bench", at: now))
        }
        participant.notes = [
            note("n-words", String(repeating: "lorem ipsum dolor sit amet ", count: 480_000 / 27)),
            note("n-word", String(repeating: "x", count: 480_000)),
        ]
        try assertSameBytes(participant, "long text")
        participant.notes[1].tags = ["jobSearch"]
        let before = SplicedRecordEncoder.counts(of: participant.id).encoded
        try assertSameBytes(participant, "long text, one note tagged")
        XCTAssertEqual(SplicedRecordEncoder.counts(of: participant.id).encoded - before, 1, "only the changed note is encoded again")
    }

    /// Years of notes, sessions and ratings: a change of one element encodes that element
    /// only, an added or removed one none but the added; the bytes stay those of the whole.
    ///
    /// Counted in this process after whatever ran before: an unchanged element is never
    /// encoded again, whichever values of its type were seen first and whatever a copy left in
    /// its padding or in a nil optional's payload.
    func testAOneElementChangeEncodesOneElement() throws {
        let (temp, participants) = try demoParticipants()
        defer { temp.cleanUp() }
        var participant = try XCTUnwrap(participants.max { $0.notes.count < $1.notes.count })
        // An id of its own: the encoder's cache is kept per id for the whole process, and a
        // demo record opened by another test may still be checked in the background.
        participant.id = RecordID.generate(prefix: "p")
        let template = try XCTUnwrap(participant.notes.first)
        participant.notes = (0..<500).map { index in
            var note = template
            note.id = "n-\(index)"
            note.versions[0].text = "Note \(index): \(template.versions[0].text)"
            return note
        }
        try assertSameBytes(participant, "500 notes")
        func encodedBy(_ change: (inout Participant) -> Void, _ context: String) throws -> Int {
            change(&participant)
            let before = SplicedRecordEncoder.counts(of: participant.id).encoded
            try assertSameBytes(participant, context)
            return SplicedRecordEncoder.counts(of: participant.id).encoded - before
        }
        XCTAssertEqual(try encodedBy({ $0.notes[250].tags.append("health") }, "a note tagged"), 1)
        XCTAssertEqual(try encodedBy({ $0.notes.remove(at: 100) }, "a note removed"), 0)
        XCTAssertEqual(try encodedBy({ $0.notes.insert(template, at: 40) }, "a note inserted"), 1)
        XCTAssertEqual(try encodedBy({ $0.notes.append(template) }, "a note added"), 1)
        XCTAssertEqual(try encodedBy({ $0.updated.at = Date(timeIntervalSince1970: 1_764_000_123) }, "the stamp"), 0)
        XCTAssertEqual(try encodedBy({ $0.notes = [] }, "every note removed"), 0)
    }

    /// The bits compared are the value's only. A copy of a value writes its fields, not
    /// always what lies between them, nor the payload of a nil optional beyond the bits that say
    /// nil: two copies of one unchanged value differing only there have the same bits (the
    /// padding after a session's agreements' author was found to differ from save to save, so
    /// that every session was encoded again), whatever value of the type was seen first; a
    /// byte that holds the value changes them. No list element type holds an enum with a
    /// payload (whose unused bytes would be compared).
    func testBytesThatDoNotHoldTheValueAreNotCompared() throws {
        let now = Date(timeIntervalSince1970: 1_764_000_000)
        let words = Words("Agreed", author: .citizen, by: "Anna", at: now)
        var session = CoachingSession(id: "s-1", kind: .followUp, present: [], started: Stamp(by: "Anna", at: now))
        // A session without agreements seen first: its type's shape does not depend on it.
        _ = SplicedRecordEncoder.bits(session)
        session.agreements = words
        let agreements = try XCTUnwrap(MemoryLayout<CoachingSession>.offset(of: \.agreements))
        let authorEnd = try XCTUnwrap(MemoryLayout<Words>.offset(of: \.author)) + MemoryLayout<Author>.size
        let byStart = try XCTUnwrap(MemoryLayout<Words>.offset(of: \.by))
        XCTAssertLessThan(authorEnd, byStart, "padding after the author")
        let kindEnd = try XCTUnwrap(MemoryLayout<CoachingSession>.offset(of: \.kind)) + MemoryLayout<CoachingSession.Kind>.size
        let presentStart = try XCTUnwrap(MemoryLayout<CoachingSession>.offset(of: \.present))
        let padding = Array(agreements + authorEnd..<agreements + byStart) + Array(kindEnd..<presentStart)
        assertScribbling(session, padding, alike: true, "a session's padding")
        assertScribbling(session, [kindEnd - 1], alike: false, "a session's kind")

        // A nil optional: its payload beyond its first field (whose spare bits say nil).
        session.agreements = nil
        let payload = Array(agreements + MemoryLayout<String>.size..<agreements + MemoryLayout<Words>.size)
        assertScribbling(session, payload, alike: true, "a nil optional's payload")
        session.agreements = words
        let at = try XCTUnwrap(MemoryLayout<Words>.offset(of: \.at))
        assertScribbling(session, [agreements + at], alike: false, "the agreements' time")

        for type in [
            Conversation.self, JournalEntry.self, CoachingSession.self, ProgressNote.self, Rating.self, Milestone.self,
            Contact.self, Goal.self, JobApplication.self,
        ] as [Any.Type] {
            XCTAssertFalse(SplicedRecordEncoder.ValueShape.of(type).hasPayloadEnum, "\(type)")
        }
    }

    /// Two copies of `value`'s bytes with `offsets` set to 0xAA in one and 0x55 in the other
    /// have alike (or unlike) bits.
    private func assertScribbling<T>(_ value: T, _ offsets: [Int], alike: Bool, _ context: String, line: UInt = #line) {
        XCTAssertFalse(offsets.isEmpty, context, line: line)
        let settled = { (filler: UInt8) -> [UInt8] in
            withUnsafeBytes(of: value) { original in
                // A copy of the bytes only: it owns nothing and is never deinitialized.
                let memory = UnsafeMutableRawPointer.allocate(byteCount: original.count, alignment: MemoryLayout<T>.alignment)
                defer { memory.deallocate() }
                memory.copyMemory(from: original.baseAddress!, byteCount: original.count)
                for offset in offsets { memory.storeBytes(of: filler, toByteOffset: offset, as: UInt8.self) }
                var bytes = [UInt8](UnsafeRawBufferPointer(start: memory, count: original.count))
                SplicedRecordEncoder.ValueShape.of(T.self).settle(UnsafeRawPointer(memory), &bytes, at: 0)
                return bytes
            }
        }
        XCTAssertEqual(settled(0xAA) == settled(0x55), alike, context, line: line)
    }

    /// A record opened for editing keeps the bytes of its file, so that the first save, even
    /// made at once, encodes the change only (its other elements are taken from the file);
    /// the file is still the whole record's encoding.
    func testTheFirstSaveAfterOpeningEncodesOnlyTheChange() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        let now = Date(timeIntervalSince1970: 1_764_000_000)
        var participant = Participant(
            id: RecordID.generate(prefix: "p"), name: "Open Then Save", language: "da", courseStart: day("2026-11-02"),
            by: Stamp(by: "Anna", at: now))
        participant.notes = (0..<300).map {
            ProgressNote(id: "n-\($0)", kind: .note, sessionId: nil, tags: [], text: Words("Note \($0)", author: .coach, by: "Anna", at: now))
        }
        // Written the whole way, so that nothing of it is known to the encoder yet.
        try AtomicFile.write(try RecordCodec.encode(participant), to: temp.store.participantFile(participant.id))
        let before = SplicedRecordEncoder.counts(of: participant.id).encoded
        var editing = try ParticipantJournal.read(participant.id, in: temp.store)
        editing.notes[7].tags = ["health"]
        let saved = try ParticipantJournal.save(editing, in: temp.store, as: anna)
        XCTAssertEqual(SplicedRecordEncoder.counts(of: participant.id).encoded - before, 1, "the changed note only, not 3 conversations and 300 notes")
        XCTAssertEqual(try Data(contentsOf: temp.store.participantFile(participant.id)), try RecordCodec.encode(saved))
        // The check in the background finds the file as RecordCodec writes it: nothing more is encoded.
        usleep(300_000)
        XCTAssertEqual(SplicedRecordEncoder.counts(of: participant.id).encoded - before, 1)
    }

    /// Text that is `==` in Swift but other bytes in the file (another Unicode normalization
    /// form) is written as it now is, not as it was.
    func testTextInAnotherNormalizationFormIsWrittenAsItIs() throws {
        let (temp, participants) = try demoParticipants()
        defer { temp.cleanUp() }
        var participant = try XCTUnwrap(participants.first { !$0.notes.isEmpty })
        participant.notes[0].versions[0].text = "Caf\u{E9} \u{212B}ngstr\u{F6}m"
        try assertSameBytes(participant, "composed")
        let decomposed = "Cafe\u{301} A\u{30A}ngstro\u{308}m"
        XCTAssertEqual(participant.notes[0].versions[0].text, decomposed, "Swift holds them equal")
        participant.notes[0].versions[0].text = decomposed
        try assertSameBytes(participant, "decomposed")
        XCTAssertTrue(try SplicedRecordEncoder.encode(participant).range(of: Data("e\u{301}".utf8)) != nil)
    }

    /// Randomized records: every free text of the demo records replaced by random text of
    /// quotes, backslashes, slashes, control characters, emoji, combining marks and more;
    /// lists emptied at random; dates with fractions of a second; then changed one element
    /// at a time, each encoding compared with the whole.
    func testRandomizedRecordsAreSplicedByteForByte() throws {
        let (temp, participants) = try demoParticipants()
        defer { temp.cleanUp() }
        let pieces = [
            "\"", "\\", "/", "</", "\n", "\r\n", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}",
            "é", "e\u{301}", "\u{212A}", "ø", "ß", "Å", "A\u{30A}", "👩‍👩‍👧", "🇩🇰", "\u{FEFF}", "\u{200D}", " ", "  ", "{", "}",
            "[", "]", ":", ",", "\\n", "\\u0000", "word", "Ärger", "naïve", "日本",
        ]
        let freeText: Set<String> = ["text", "by", "name", "email", "phone", "offerTitle", "contact", "place"]
        var random = SplitMix64(seed: 18)
        func text() -> String { (0..<random.below(12)).map { _ in pieces[random.below(pieces.count)] }.joined() }
        func scramble(_ value: Any, key: String?) -> Any {
            if let object = value as? [String: Any] {
                return Dictionary(uniqueKeysWithValues: object.map { ($0.key, scramble($0.value, key: $0.key)) })
            }
            if let list = value as? [Any] {
                if key != "versions", random.below(8) == 0 { return [Any]() }
                return list.map { scramble($0, key: key) }
            }
            if let string = value as? String, let key, freeText.contains(key) { return text() }
            return value
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var checked = 0
        for round in 0..<12 {
            let source = participants[round % participants.count]
            let object = try JSONSerialization.jsonObject(with: RecordCodec.encode(source))
            // A list that a record may not leave empty (a job application's history) is
            // refused by the decoder: scrambled again until the record reads.
            var scrambled: Participant?
            for _ in 0..<50 where scrambled == nil {
                scrambled = try? decoder.decode(Participant.self, from: JSONSerialization.data(withJSONObject: scramble(object, key: nil)))
            }
            var participant = try XCTUnwrap(scrambled)
            try assertSameBytes(participant, "round \(round)")
            for step in 0..<8 {
                switch (step + round) % 4 {
                case 0 where !participant.notes.isEmpty:
                    let index = random.below(participant.notes.count)
                    participant.notes[index].versions[0].text = text()
                    participant.notes[index].versions[0].at = Date(timeIntervalSince1970: 1_764_000_000.25 + Double(random.below(1000)))
                case 1 where !participant.sessions.isEmpty:
                    participant.sessions.remove(at: random.below(participant.sessions.count))
                case 2:
                    participant.notes.insert(
                        ProgressNote(
                            id: "n-r\(round)s\(step)", kind: .reflection, sessionId: nil, tags: [text()],
                            text: Words(text(), author: .citizen, by: text(), at: Date(timeIntervalSince1970: 1_764_000_000.75))),
                        at: random.below(participant.notes.count + 1))
                default:
                    participant.plan.goals = participant.plan.goals.reversed()
                    participant.journal.append(
                        JournalEntry(kind: .booked, offerId: nil, offerTitle: text(), stamp: Stamp(by: text(), at: Date())))
                }
                try assertSameBytes(participant, "round \(round) step \(step)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, 96)
    }
}
