import Foundation

/// Reads and writes records as JSON: migration of older schema versions, checks that name
/// the file and field at fault, and a stable, readable output.
public enum RecordCodec {
    /// Encodes a record as pretty, key-sorted UTF-8 JSON.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        var data = try encoder().encode(value)
        data.append(0x0A)
        return data
    }

    /// The encoder of records: pretty (two spaces a level), keys sorted, slashes as they
    /// are, dates in ISO 8601; no line break after the value. One for the whole process (see
    /// `Encoders`).
    static func encoder() -> JSONEncoder { Encoders.shared.record }

    /// Encodes one line of an append-only log (the audit log, a plan history): compact,
    /// key-sorted UTF-8 JSON, slashes as they are, dates in ISO 8601, ending in a line break.
    static func line<T: Encodable>(_ value: T) throws -> Data {
        var line = try Encoders.shared.line.encode(value)
        line.append(0x0A)
        return line
    }

    /// Decodes a participant file, migrating older versions; `file` names it in problems.
    public static func participant(from data: Data, file: String) throws -> Participant {
        try record(
            Participant.self, from: data, file: file, version: Participant.currentSchemaVersion, \.schemaVersion,
            migrate: Migrations.participant
        ) { try Validation.check($0, file: file) }
    }

    /// The participant of a sound file of the current version as its first screen shows it:
    /// without its notes and ratings (`Participant.firstScreenOnly`), which are nine tenths of
    /// a large record and shown on other tabs only. Checked as `participant(from:file:)`
    /// checks a record (`Validation` looks at neither list). Nil for any other file (older,
    /// damaged, hostile): read that one with `participant(from:file:)`, which migrates it or
    /// names what is wrong.
    public static func participantFirstScreen(from data: Data, file: String) throws -> Participant? {
        guard let value = current(Participant.self, from: data, version: Participant.currentSchemaVersion, \.schemaVersion, firstScreenOnly: true)
        else { return nil }
        try Validation.check(value, file: file)
        return value
    }

    /// `first`, read by `participantFirstScreen` from the same `data`, with its notes and
    /// ratings: the record `participant(from:file:)` gives, which it is when a list cannot be
    /// read (and then throws the `RecordProblem` naming the file and field).
    public static func participant(completing first: Participant, from data: Data, file: String) throws -> Participant {
        guard let lists = try? decoder().decode(LongLists.self, from: data) else { return try participant(from: data, file: file) }
        var whole = first
        whole.notes = lists.notes
        whole.ratings = lists.ratings
        return whole
    }

    /// The lists of a participant that `participantFirstScreen` leaves out, decoded as
    /// `Participant.init(from:)` decodes them (absent: empty).
    private struct LongLists: Decodable {
        var notes: [ProgressNote]
        var ratings: [Rating]

        private enum CodingKeys: String, CodingKey { case notes, ratings }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            notes = try c.decodeIfPresent([ProgressNote].self, forKey: .notes) ?? []
            ratings = try c.decodeIfPresent([Rating].self, forKey: .ratings) ?? []
        }
    }

    /// The decoder of records: dates in ISO 8601 (`isoDate`); with `firstScreenOnly`, a
    /// participant's notes and ratings are left empty (`Participant.firstScreenOnly`).
    static func decoder(firstScreenOnly: Bool = false) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom(isoDate)
        if firstScreenOnly, let key = Participant.firstScreenOnly { decoder.userInfo[key] = true }
        return decoder
    }

    /// A date as `JSONDecoder`'s `.iso8601` strategy reads it, accepting and refusing the same
    /// texts with the same error. The form every record is written in (`YYYY-MM-DDThh:mm:ssZ`,
    /// see `encoder()`) is read here directly, at a fraction of the cost of Foundation's ISO
    /// 8601 parser (a large record holds thousands of dates); any other text goes to that
    /// parser through the `.iso8601` strategy itself.
    static func isoDate(_ decoder: Decoder) throws -> Date {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if let date = internetDate(text) { return date }
        let iso = JSONDecoder()
        iso.dateDecodingStrategy = .iso8601
        // Its error as it is: `.iso8601` names no field (see `decode`, which then says so).
        return try iso.decode(Date.self, from: JSONEncoder().encode(text))
    }

    /// `YYYY-MM-DDThh:mm:ssZ` (RFC 3339's internet date and time, in UTC, whole seconds) as a
    /// date in the proleptic Gregorian calendar; nil for any other text, for a day or time that
    /// does not exist (a 30 February, hour 24, a leap second), and for years before 1600
    /// (Foundation's calendar is Julian before October 1582): Foundation's parser judges those.
    static func internetDate(_ text: String) -> Date? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Date? in
            guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A, bytes[16] == 0x3A,
                bytes[19] == 0x5A
            else { return nil }
            func number(_ at: Int, _ digits: Int) -> Int? {
                var value = 0
                for byte in bytes[at..<at + digits] {
                    guard (0x30...0x39).contains(byte) else { return nil }
                    value = value * 10 + Int(byte - 0x30)
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let dayOfMonth = number(8, 2),
                let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                year >= 1600, hour < 24, minute < 60, second < 60,
                let day = Day(year: year, month: month, day: dayOfMonth)
            else { return nil }
            return Date(timeIntervalSince1970: Double(day.ordinal * 86_400 + hour * 3_600 + minute * 60 + second))
        } ?? nil
    }

    /// Decodes an offer file, migrating older versions; `file` names it in problems. A file
    /// of the current version is read in one pass by `OfferReader`, anything else as below.
    public static func offer(from data: Data, file: String) throws -> Offer {
        if let offer = OfferReader.read(data) {
            try Validation.check(offer, file: file)
            return offer
        }
        return try record(Offer.self, from: data, file: file, version: Offer.currentSchemaVersion, \.schemaVersion, migrate: Migrations.offer) {
            try Validation.check($0, file: file)
        }
    }

    /// Decodes a job of the job board; `file` names it in problems. Version 1 is the first,
    /// so there is nothing to migrate yet.
    public static func job(from data: Data, file: String) throws -> BoardJob {
        try record(BoardJob.self, from: data, file: file, version: BoardJob.currentSchemaVersion, \.schemaVersion, migrate: { o, _ in o }) {
            try Validation.check($0, file: file)
        }
    }

    /// A record of the current version straight from its bytes, else migrated from an older
    /// one; either way checked by `validate`.
    private static func record<T: Decodable>(
        _ type: T.Type, from data: Data, file: String, version: Int, _ schemaVersion: KeyPath<T, Int>,
        migrate: ([String: Any], Int) -> [String: Any], validate: (T) throws -> Void
    ) throws -> T {
        if let value = current(T.self, from: data, version: version, schemaVersion) {
            try validate(value)
            return value
        }
        let value: T = try decode(try migrated(data, file: file, current: version, migrate: migrate), file: file)
        try validate(value)
        return value
    }

    /// The common case in one pass: a sound file of the current version, decoded straight
    /// from its bytes. Anything else (older, damaged, hostile) returns nil and takes the slow
    /// path, which migrates and names what is wrong.
    private static func current<T: Decodable>(
        _ type: T.Type, from data: Data, version: Int, _ schemaVersion: KeyPath<T, Int>, firstScreenOnly: Bool = false
    ) -> T? {
        guard data.count <= maxRecordBytes, nestedDeeperThan(maxNesting, data) == nil else { return nil }
        guard let value = try? decoder(firstScreenOnly: firstScreenOnly).decode(T.self, from: data), value[keyPath: schemaVersion] == version else { return nil }
        return value
    }

    private static func migrated(
        _ data: Data, file: String, current: Int,
        migrate: ([String: Any], Int) -> [String: Any]
    ) throws -> [String: Any] {
        if data.count > maxRecordBytes { throw RecordProblem(file: file, reason: tooLarge(data.count)) }
        guard String(data: data, encoding: .utf8) != nil else {
            throw RecordProblem(file: file, reason: ProblemReason("is not valid UTF-8 text", key: "problem.notUTF8"))
        }
        if let depth = nestedDeeperThan(maxNesting, data) {
            throw RecordProblem(file: file, reason: tooDeep(depth))
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw RecordProblem(file: file, reason: data.isEmpty ? .empty : notJSON(error, data))
        }
        guard let object = parsed as? [String: Any] else {
            throw RecordProblem(file: file, reason: .expected("a JSON object at the top level", form: "problem.form.topLevelObject"))
        }
        let version: Int
        switch object["schemaVersion"] {
        case nil: version = 0
        case let number as Int: version = number
        default: throw RecordProblem(file: file, field: "schemaVersion", reason: .expected("a whole number", form: "problem.form.wholeNumber"))
        }
        if version > current {
            throw RecordProblem(
                file: file, field: "schemaVersion",
                reason: ProblemReason(
                    "is \(version), written by a newer Stepwise (this one reads up to \(current))", key: "problem.newerVersion",
                    ["version": String(version), "current": String(current)]))
        }
        return version < current ? migrate(object, version) : object
    }

    /// Why a record of `bytes` bytes is refused.
    static func tooLarge(_ bytes: Int) -> ProblemReason {
        let (size, limit) = (bytes / 1_000_000, maxRecordBytes / 1_000_000)
        return ProblemReason(
            "is \(size) MB; a record may be at most \(limit) MB", key: "problem.tooLarge", ["size": String(size), "limit": String(limit)])
    }

    /// Why a record of `bytes` bytes is not saved: it could not be read back.
    static func tooLargeToSave(_ bytes: Int) -> ProblemReason {
        let reason = tooLarge(bytes)
        return ProblemReason(
            "would be too large to read back: it \(reason.english); nothing was saved", key: "problem.tooLargeToSave", reason.arguments)
    }

    /// Why a record that nests `depth` deep is refused.
    static func tooDeep(_ depth: Int) -> ProblemReason {
        ProblemReason(
            "nests lists or objects \(depth) deep; a record nests at most \(maxNesting) deep", key: "problem.tooDeep",
            ["depth": String(depth), "limit": String(maxNesting)])
    }

    /// The most a field of a record may hold when it comes from outside (a spreadsheet cell),
    /// in bytes of UTF-8: far above any real text, and low enough that a record of every
    /// field full stays under `maxRecordBytes`.
    public static let maxFieldBytes = 500_000

    /// The largest record file read (a real one is well under 1 MB).
    static let maxRecordBytes = 20_000_000
    /// The largest append-only log read whole (`audit.log`, a plan history): years of use
    /// stay far below it.
    static let maxLogBytes = 512_000_000
    /// The deepest nesting of lists and objects read (a real record nests under 10 deep).
    static let maxNesting = 64

    /// The depth reached when the JSON text nests deeper than `limit`, else nil; a cheap scan
    /// that skips strings, so that a hostile file fails with a clear reason.
    static func nestedDeeperThan(_ limit: Int, _ data: Data) -> Int? {
        let deepest = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int in
            var depth = 0
            var deepest = 0
            var inString = false
            var escaped = false
            for byte in bytes {
                if inString {
                    if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                    continue
                }
                switch byte {
                case 0x22: inString = true
                case 0x5B, 0x7B:
                    depth += 1
                    deepest = max(deepest, depth)
                case 0x5D, 0x7D: depth -= 1
                default: break
                }
            }
            return deepest
        }
        return deepest > limit ? deepest : nil
    }

    /// Why the JSON parser gave up, in words, with the line where it can tell.
    static func notJSON(_ error: Error, _ data: Data) -> ProblemReason {
        let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
        func line(at offset: Int) -> Int { data.prefix(max(0, offset)).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }
        if detail.hasPrefix("Number "), let end = detail.range(of: " is not representable") {
            let number = String(detail[detail.index(detail.startIndex, offsetBy: 7)..<end.lowerBound].prefix(30))
            guard let found = data.range(of: Data(number.utf8)) else {
                return ProblemReason("holds a number too large to read", key: "problem.numberTooLarge")
            }
            let at = line(at: found.lowerBound)
            return ProblemReason("holds a number too large to read on line \(at)", key: "problem.numberTooLargeOnLine", ["line": String(at)])
        }
        if let range = detail.range(of: #"(character|at) [0-9]+"#, options: .regularExpression),
            let offset = Int(detail[range].split(separator: " ").last ?? "")
        {
            let at = line(at: offset)
            return ProblemReason("is not valid JSON (truncated or damaged) near line \(at)", key: "problem.notJSONNearLine", ["line": String(at)])
        }
        return ProblemReason("is not valid JSON (truncated or damaged)", key: "problem.notJSON")
    }

    /// The field whose number the decoder refused without saying where (a fraction or a number
    /// too large where a whole number belongs): each such number is tried as 0 in turn, and
    /// the one that makes the difference is named.
    static func blameNumber<T: Decodable>(_ object: [String: Any], as type: T.Type) -> String? {
        var candidates: [[Any]] = []
        func walk(_ value: Any, _ path: [Any]) {
            if let object = value as? [String: Any] {
                for (key, child) in object { walk(child, path + [key]) }
            } else if let list = value as? [Any] {
                for (index, child) in list.enumerated() { walk(child, path + [index]) }
            } else if let number = value as? NSNumber, String(cString: number.objCType) != "c" {
                let double = number.doubleValue
                if double != double.rounded() || abs(double) >= 9.2e18 { candidates.append(path) }
            }
        }
        func replacing(_ value: Any, _ path: ArraySlice<Any>) -> Any {
            guard let first = path.first else { return 0 }
            if let key = first as? String, var object = value as? [String: Any], let child = object[key] {
                object[key] = replacing(child, path.dropFirst())
                return object
            }
            if let index = first as? Int, var list = value as? [Any], list.indices.contains(index) {
                list[index] = replacing(list[index], path.dropFirst())
                return list
            }
            return value
        }
        walk(object, [])
        let decoder = RecordCodec.decoder()
        for path in candidates.prefix(50) {
            guard let data = try? JSONSerialization.data(withJSONObject: replacing(object, path[...])) else { continue }
            do {
                _ = try decoder.decode(T.self, from: data)
            } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
                continue
            } catch {}
            return path.reduce(into: "") { text, key in
                if let index = key as? Int { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + "\(key)" }
            }
        }
        return nil
    }

    private static func decode<T: Decodable>(_ object: [String: Any], file: String) throws -> T {
        let decoder = RecordCodec.decoder()
        do {
            let data = try JSONSerialization.data(withJSONObject: object)
            return try decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                // The decoder refused a number without saying where.
                if let field = blameNumber(object, as: T.self) {
                    throw RecordProblem(file: file, field: field, reason: .expected("a whole number in range", form: "problem.form.wholeNumberInRange"))
                }
                throw RecordProblem(file: file, reason: ProblemReason("holds a value that cannot be read", key: "problem.valueUnreadable"))
            }
            throw RecordProblem(file: file, decoding: error)
        } catch {
            throw RecordProblem(file: file, reason: .couldNotRead)
        }
    }
}
