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

/// Moves what older offer files kept for a whole internship offer (`internship.accommodations`
/// and `internship.followUps`, agreed for one citizen but shown to everyone who opened the
/// offer) into the record of the one participant it was agreed for, as their `Placement`.
///
/// An offer with exactly one seat held: its adjustments and meetings become that participant's
/// placement (their period and hours taken from the offer's), then leave the offer. Each file
/// is written whole and atomically, the participant's first and then the offer's, so a move
/// cut off half-way leaves the original offer file as it was and is finished by the next run
/// (the participant's placement is not given the same meetings twice). A participant whose
/// record is open at a terminal is left for the next run, so that the screen's copy cannot
/// overwrite the move. With no seat or more than one held, nobody can be told from the file
/// which citizen they were agreed for: they move to no one, stay in the offer file (never
/// shown, listed or exported) and `stepwise check` names the offer and field
/// (`problems(in:)`), so that a coach re-enters them on the right participant's placement.
public enum PlacementMigration {
    /// One offer's adjustments moved to a participant.
    public struct Moved: Equatable, Sendable {
        public var offerId: String
        public var participantId: String
    }

    /// Moves every offer's adjustments that can be moved; returns what was moved. Never
    /// throws: an offer or record that cannot be read, locked or written stays as it was and
    /// is tried again at the next run.
    ///
    /// Costs one `lstat` and one small read once a run found nothing left to move while
    /// `offers/` had been quiet for 2 seconds: that run writes `markerName` with the folder's
    /// stamp, and while `offers/` keeps that stamp no offer file was written since (every
    /// offer save, import or older version's write renames a file into it), so no file is
    /// read. `stepwise check` never uses the marker and still names every leftover.
    @discardableResult
    public static func run(_ store: DataStore, as identity: Identity) -> [Moved] {
        run(store, as: identity, quietFor: 2).moved
    }

    /// The marker file in the data folder: the stamp of `offers/` at a run that found
    /// nothing left to move.
    static let markerName = "placement-migration.stamp"

    /// `run`, and how many offer files it read; `quietFor` (seconds) is how long `offers/`
    /// must have been unchanged before a run may vouch for it (a rename within the same clock
    /// tick as the `lstat` could keep the folder's time stamps).
    static func run(_ store: DataStore, as identity: Identity, quietFor: TimeInterval) -> (moved: [Moved], read: Int) {
        let marker = store.root.appendingPathComponent(markerName)
        let folder = FileStamp(path: store.offersDir.path, followingLinks: false)
        if let folder, let data = try? DataFile.read(marker, limit: 256), data == markerText(folder) { return ([], 0) }
        var moved: [Moved] = []
        var read = 0
        // An offer with one seat held was found: moved now (renaming files into `offers/`) or
        // left for the next run (its record open elsewhere); either way the next run reads.
        var movable = false
        try? AtomicFile.makeDirectory(store.locksDir)
        for id in store.offerIDs() {
            read += 1
            // Only a file that names the old fields is read as a record (a start stays quick).
            guard let data = try? DataFile.read(store.offerFile(id), limit: RecordCodec.maxRecordBytes),
                data.range(of: Data("\"accommodations\"".utf8)) != nil || data.range(of: Data("\"followUps\"".utf8)) != nil,
                let offer = try? store.loadOffer(id), let unmoved = offer.internship?.unmoved, offer.booked.count == 1
            else { continue }
            movable = true
            let participantId = offer.booked[0].participantId
            guard case .acquired(let lock)? = try? store.lockParticipant(participantId, as: identity) else { continue }
            defer { lock.release() }
            do {
                try ParticipantJournal.update(participantId, in: store, as: identity) { participant in
                    participant.placements[offer.id] = placement(unmoved, of: offer, joining: participant.placements[offer.id])
                }
                _ = try BookingStore(store: store, identity: identity).change(offer: offer.id) { current, _ in
                    guard var current, current.internship?.unmoved == unmoved else { throw BookingStore.Failure.unknownOffer(offer.id) }
                    current.internship?.unmoved = nil
                    return Booking.Change(offer: current, outcome: .updated(promoted: []), events: [])
                }
                moved.append(Moved(offerId: offer.id, participantId: participantId))
            } catch {
                continue
            }
        }
        if !movable, let folder, Double(max(folder.modified, folder.changed)) / 1e9 < Date().timeIntervalSince1970 - quietFor {
            try? AtomicFile.write(markerText(folder), to: marker, folderMayBeLink: false)
        }
        return (moved, read)
    }

    /// The marker's content for the stamp of `offers/`: one line, size, modification and
    /// change time (nanoseconds) and inode.
    private static func markerText(_ folder: FileStamp) -> Data {
        Data("stepwise placement migration 1 \(folder.size) \(folder.modified) \(folder.changed) \(folder.inode)\n".utf8)
    }

    /// The placement `unmoved` makes for the one participant of `offer`, joined with the one
    /// they may already have: adjustments already entered stay, meetings already there are not
    /// added twice.
    static func placement(_ unmoved: UnmovedPlacement, of offer: Offer, joining existing: Placement?) -> Placement {
        guard var placement = existing else {
            let internship = offer.internship ?? Internship()
            return Placement(
                start: internship.start, end: internship.end, hoursPerWeek: internship.hoursPerWeek,
                accommodations: unmoved.accommodations, followUps: unmoved.followUps)
        }
        if placement.accommodations.isEmpty { placement.accommodations = unmoved.accommodations }
        placement.followUps += unmoved.followUps.filter { meeting in !placement.followUps.contains { $0.id == meeting.id } }
        return placement
    }

    /// What `stepwise check` says about adjustments still kept for a whole offer: one problem
    /// per offer and field, naming whom they wait for or why they moved to no one.
    public static func problems(in offers: [Offer]) -> [RecordProblem] {
        var problems: [RecordProblem] = []
        for offer in offers.sorted(by: { $0.id < $1.id }) {
            guard let unmoved = offer.internship?.unmoved else { continue }
            let holders = offer.booked.map(\.participantId)
            let reason: ProblemReason
            switch holders.count {
            case 1:
                reason = ProblemReason(
                    "was agreed for the whole offer by an older version; it moves to the placement of \(holders[0]), "
                        + "the one participant holding a seat, the next time Stepwise runs while that record is closed",
                    key: "problem.unmovedOneHolder", ["participant": holders[0]])
            case 0:
                reason = ProblemReason(
                    "was agreed for the whole offer by an older version and nobody holds a seat, so it was moved to no one: "
                        + "re-enter it on the placement of the participant it was agreed for (Offers tab, I and F), "
                        + "then remove it with 'stepwise offers forget-adjustments \(offer.id)'",
                    key: "problem.unmovedNoHolder", ["offer": offer.id])
            default:
                reason = ProblemReason(
                    "was agreed for the whole offer by an older version while \(holders.count) participants held seats "
                        + "(\(holders.joined(separator: ", "))), so it was moved to no one: re-enter it on the placement "
                        + "of the participant it was agreed for (Offers tab, I and F), "
                        + "then remove it with 'stepwise offers forget-adjustments \(offer.id)'",
                    key: "problem.unmovedManyHolders",
                    ["n": String(holders.count), "participants": holders.joined(separator: ", "), "offer": offer.id])
            }
            for field in unmoved.fields {
                problems.append(RecordProblem(file: "offers/\(offer.id).json", field: field, reason: reason))
            }
        }
        return problems
    }

    /// Removes the adjustments an offer still keeps for the whole offer, once a coach has
    /// re-entered them on the right placement (`stepwise offers forget-adjustments`). Returns
    /// false when the offer kept none. Throws `BookingStore.Failure` when the offer cannot be
    /// read, locked or written.
    @discardableResult
    public static func forget(offer offerId: String, in store: DataStore, as identity: Identity) throws -> Bool {
        var had = false
        _ = try BookingStore(store: store, identity: identity).change(offer: offerId) { current, _ in
            guard var current else { throw BookingStore.Failure.unknownOffer(offerId) }
            had = current.internship?.unmoved != nil
            current.internship?.unmoved = nil
            return Booking.Change(offer: current, outcome: .updated(promoted: []), events: [])
        }
        return had
    }
}
