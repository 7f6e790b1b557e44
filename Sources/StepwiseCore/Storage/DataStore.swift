import Foundation

/// The data folder: `participants/<id>.json`, `offers/<id>.json` and `locks/`.
public final class DataStore: Sendable {
    /// The data folder.
    public let root: URL

    /// A store on `root`; nothing is created until `prepare()`.
    public init(root: URL) { self.root = root.standardizedFileURL }

    /// The folder given by `--data`, else `$STEPWISE_DATA`, else `$XDG_DATA_HOME/stepwise`,
    /// else `~/.local/share/stepwise`.
    public static func defaultRoot(option: String?, environment: [String: String]) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option) }
        if let data = environment["STEPWISE_DATA"], !data.isEmpty { return URL(fileURLWithPath: data) }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("stepwise")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/stepwise")
    }

    var participantsDir: URL { root.appendingPathComponent("participants") }
    var offersDir: URL { root.appendingPathComponent("offers") }
    var locksDir: URL { root.appendingPathComponent("locks") }

    /// Creates the folders (0700) if they are missing.
    public func prepare() throws {
        for dir in [root, participantsDir, offersDir, locksDir] { try AtomicFile.makeDirectory(dir) }
    }

    /// The file of a participant; throws for an id that is not a generated id.
    public func participantFile(_ id: String) throws -> URL {
        guard RecordID.isValid(id) else { throw RecordProblem(file: id, reason: "is not a valid participant id") }
        return participantsDir.appendingPathComponent(id + ".json")
    }

    /// Ids of every participant file, sorted.
    public func participantIDs() -> [String] { ids(in: participantsDir) }

    /// Ids of every offer file, sorted.
    public func offerIDs() -> [String] { ids(in: offersDir) }

    /// Reads one participant; problems name the file and field.
    public func loadParticipant(_ id: String) throws -> Participant {
        let url = try participantFile(id)
        return try RecordCodec.participant(from: try read(url), file: relative(url))
    }

    /// Saves one participant atomically and durably.
    public func save(_ participant: Participant) throws {
        try AtomicFile.write(try RecordCodec.encode(participant), to: try participantFile(participant.id))
        CaseloadIndex(store: self).recordSaved(participant)
    }

    /// Reads one offer; problems name the file and field.
    public func loadOffer(_ id: String) throws -> Offer {
        guard RecordID.isValid(id) else { throw RecordProblem(file: id, reason: "is not a valid offer id") }
        let url = offersDir.appendingPathComponent(id + ".json")
        return try RecordCodec.offer(from: try read(url), file: relative(url))
    }

    /// Saves one offer atomically and durably.
    public func save(_ offer: Offer) throws {
        guard RecordID.isValid(offer.id) else { throw RecordProblem(file: offer.id, reason: "is not a valid offer id") }
        try AtomicFile.write(try RecordCodec.encode(offer), to: offersDir.appendingPathComponent(offer.id + ".json"))
    }

    /// Every offer that can be read, and a problem for each one that cannot.
    public func loadOffers() -> (offers: [Offer], problems: [RecordProblem]) {
        var offers: [Offer] = []
        var problems: [RecordProblem] = []
        for id in offerIDs() {
            do { offers.append(try loadOffer(id)) } catch let problem as RecordProblem {
                problems.append(problem)
            } catch {
                problems.append(RecordProblem(file: "offers/\(id).json", reason: "\(error)"))
            }
        }
        return (offers, problems)
    }

    /// Takes the edit lock of a participant, or reports who holds it.
    public func lockParticipant(_ id: String, as identity: Identity) throws -> RecordLock.Outcome {
        _ = try participantFile(id)
        return try RecordLock.acquire(path: locksDir.appendingPathComponent(id + ".lock").path, as: identity)
    }

    /// Path of a file relative to the data folder, as problems name it.
    public func relative(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    private func read(_ url: URL) throws -> Data {
        do { return try Data(contentsOf: url) } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw exists ? RecordProblem.unreadable(relative(url)) : RecordProblem.missing(relative(url))
        }
    }

    private func ids(in dir: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(5)) }
            .sorted()
    }
}
