import Foundation

/// Reads, in one pass with `JSONCursor`, only what the catalogue counts of a participant file:
/// for each placement (by offer id) how many of its follow-up meetings are planned. Every
/// other value is checked to be JSON and passed over without being built, so that counting
/// the placements at 100,000 participants (about 5,800 records, 180 MB, hold a seat in an
/// internship there) neither decodes nor holds whole records.
///
/// It gives up (nil) on anything it does not take as the current schema writes it (an older
/// file, a field given twice, an escaped key, a status it does not know), and
/// `DataStore.loadPlannedFollowUps` then reads the whole record, which migrates it or names
/// what is wrong. What it gives is what the whole record gives (`PlacementCountTests`).
enum PlacementReader {
    /// Offer id → planned follow-up meetings, for every placement in `data`; nil when the
    /// file must be read whole.
    static func plannedFollowUps(_ data: Data) -> [String: Int]? {
        guard data.count <= RecordCodec.maxRecordBytes else { return nil }
        return data.withUnsafeBytes { bytes in
            var cursor = JSONCursor(bytes)
            var schemaVersion: Int?
            var planned: [String: Int] = [:]
            do {
                try cursor.fields { cursor, key in
                    switch key {
                    case "schemaVersion": schemaVersion = try cursor.int()
                    case "placements": planned = try cursor.null() ? [:] : cursor.plannedFollowUps()
                    default: try cursor.skip()
                    }
                }
                try cursor.end()
            } catch { return nil }
            return schemaVersion == Participant.currentSchemaVersion ? planned : nil
        }
    }
}

extension JSONCursor {
    /// The placements object: offer id → how many of its follow-up meetings are planned.
    fileprivate mutating func plannedFollowUps() throws -> [String: Int] {
        var planned: [String: Int] = [:]
        try fields { cursor, offerId in
            planned[offerId] = 0
            try cursor.fields { cursor, key in
                guard key == "followUps" else { return try cursor.skip() }
                guard try !cursor.null() else { return }
                planned[offerId] = try cursor.list { try $0.followUpStatus() }.filter { $0 == .planned }.count
            }
        }
        return planned
    }

    /// A follow-up meeting's status; one written without a status (or with null) is planned,
    /// as `FollowUpMeeting` reads it.
    fileprivate mutating func followUpStatus() throws -> FollowUpMeeting.Status {
        var status = FollowUpMeeting.Status.planned
        try fields { cursor, key in
            guard key == "status" else { return try cursor.skip() }
            guard try !cursor.null() else { return }
            guard let read = FollowUpMeeting.Status(rawValue: try cursor.string()) else { throw Refused() }
            status = read
        }
        return status
    }
}

extension DataStore {
    /// Offer id → planned follow-up meetings, for every placement in participant `id`'s record,
    /// read by `PlacementReader`, or from the whole record when it must be read whole. Throws
    /// what `loadParticipant` throws.
    func loadPlannedFollowUps(_ id: String) throws -> [String: Int] {
        let url = try participantFile(id)
        let data = try read(url)
        if let planned = PlacementReader.plannedFollowUps(data) { return planned }
        return PlacementCount.plannedFollowUps(of: try RecordCodec.participant(from: data, file: relative(url)))
    }
}
