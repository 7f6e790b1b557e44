import Foundation

/// Reads and writes records as JSON: migration of older schema versions, checks that name
/// the file and field at fault, and a stable, readable output.
public enum RecordCodec {
    /// Encodes a record as pretty, key-sorted UTF-8 JSON.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Decodes a participant file, migrating older versions; `file` names it in problems.
    public static func participant(from data: Data, file: String) throws -> Participant {
        let object = try migrated(data, file: file, current: Participant.currentSchemaVersion,
                                  migrate: Migrations.participant)
        let participant: Participant = try decode(object, file: file)
        try Validation.check(participant, file: file)
        return participant
    }

    /// Decodes an offer file, migrating older versions; `file` names it in problems.
    public static func offer(from data: Data, file: String) throws -> Offer {
        let object = try migrated(data, file: file, current: Offer.currentSchemaVersion, migrate: Migrations.offer)
        let offer: Offer = try decode(object, file: file)
        try Validation.check(offer, file: file)
        return offer
    }

    private static func migrated(_ data: Data, file: String, current: Int,
                                 migrate: ([String: Any], Int) -> [String: Any]) throws -> [String: Any] {
        guard String(data: data, encoding: .utf8) != nil else {
            throw RecordProblem(file: file, reason: "is not valid UTF-8 text")
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw RecordProblem(file: file, reason: data.isEmpty ? "is empty" : "is not valid JSON (truncated or damaged)")
        }
        guard let object = parsed as? [String: Any] else {
            throw RecordProblem(file: file, reason: "expected a JSON object at the top level")
        }
        let version: Int
        switch object["schemaVersion"] {
        case nil: version = 0
        case let number as Int: version = number
        default: throw RecordProblem(file: file, field: "schemaVersion", reason: "expected a whole number")
        }
        if version > current {
            throw RecordProblem(file: file, field: "schemaVersion",
                                reason: "is \(version), written by a newer Stepwise (this one reads up to \(current))")
        }
        return version < current ? migrate(object, version) : object
    }

    private static func decode<T: Decodable>(_ object: [String: Any], file: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            let data = try JSONSerialization.data(withJSONObject: object)
            return try decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw RecordProblem(file: file, decoding: error)
        } catch {
            throw RecordProblem(file: file, reason: "could not be read")
        }
    }
}
