import Foundation

/// Steps that bring older record files up to the current schema version.
enum Migrations {
    /// Version 0 (before versioning) named the course start `startDate` and had no
    /// conversations; version 1 adds the default conversations of the course frame.
    static func participant(_ object: [String: Any], from version: Int) -> [String: Any] {
        var result = object
        if version < 1 {
            if result["courseStart"] == nil, let start = result["startDate"] {
                result["courseStart"] = start
                result["startDate"] = nil
            }
            if result["conversations"] == nil, let text = result["courseStart"] as? String, let start = Day(iso: text) {
                result["conversations"] = CourseFrame.defaultConversations(start: start).map { conversation in
                    ["number": conversation.number, "planned": conversation.planned.iso, "status": "planned"]
                }
            }
            result["language"] = result["language"] ?? "en"
        }
        result["schemaVersion"] = Participant.currentSchemaVersion
        return result
    }

    /// Version 0 offers had no waitlist and no status. Version 1 sessions had no id: each gets
    /// its natural id from its day and start (`OfferSession.naturalID`), which is what its
    /// calendar UID was made of, so a calendar that imported an older export keeps the event;
    /// `sequence` starts at 0.
    static func offer(_ object: [String: Any], from version: Int) -> [String: Any] {
        var result = object
        if version < 1 {
            result["waiting"] = result["waiting"] ?? [Any]()
            result["status"] = result["status"] ?? "open"
        }
        if version < 2, let sessions = result["sessions"] as? [[String: Any]] {
            var used: Set<String> = []
            result["sessions"] = sessions.map { session -> [String: Any] in
                var session = session
                let day = (session["day"] as? String).flatMap(Day.init(iso:))
                let natural = day.map { OfferSession.naturalID(day: $0, start: session["start"] as? String ?? "") } ?? "session"
                let id = CalendarIdentity.unique(natural, avoiding: used)
                used.insert(id)
                session["id"] = session["id"] ?? id
                session["sequence"] = session["sequence"] ?? 0
                return session
            }
        }
        result["schemaVersion"] = Offer.currentSchemaVersion
        return result
    }
}
