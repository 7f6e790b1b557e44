import Foundation

/// The data folder: `participants/<id>.json`, `offers/<id>.json`, `jobs/<id>.json` (the job
/// board, see `DataStore+Jobs.swift`) and `locks/`.
public final class DataStore: Sendable {
    /// The data folder.
    public let root: URL

    /// The order of names in the caseload: the alphabet of the coach's language.
    public let nameOrder: LocaleFormats

    /// A store on `root`; nothing is created until `prepare()`. A `root` given as a symbolic
    /// link (or below one) is resolved once, here: inside the data folder no link is followed.
    /// `language` (the coach's) decides how the caseload's names sort.
    public init(root: URL, language: String = "en") {
        nameOrder = LocaleFormats(language: language)
        let given = root.standardizedFileURL
        guard let resolved = realpath(given.path, nil) else {
            self.root = given
            return
        }
        defer { free(resolved) }
        self.root = URL(fileURLWithPath: String(cString: resolved))
    }

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

    // Paths are made with their kind given: without it, Foundation stats each path it is
    // given to find out (two stats for every participant file named, dozens in one save).
    var participantsDir: URL { root.appendingPathComponent("participants", isDirectory: true) }
    var offersDir: URL { root.appendingPathComponent("offers", isDirectory: true) }
    var locksDir: URL { root.appendingPathComponent("locks", isDirectory: true) }

    /// Creates the folders (0700) if they are missing.
    public func prepare() throws {
        try AtomicFile.makeDirectory(root, mayBeLink: true)
        for dir in [participantsDir, offersDir, locksDir] { try AtomicFile.makeDirectory(dir) }
    }

    /// The file of a participant; throws for an id that is not a generated id.
    public func participantFile(_ id: String) throws -> URL {
        guard RecordID.isValid(id) else { throw RecordProblem(file: id, reason: ProblemReason("is not a valid participant id", key: "problem.notValidParticipantID")) }
        return participantsDir.appendingPathComponent(id + ".json", isDirectory: false)
    }

    /// True when the participant's record is in the folder (false once it was erased, and for
    /// an id that is not valid). A link or other non-file there does not count.
    public func participantExists(_ id: String) -> Bool {
        guard let url = try? participantFile(id) else { return false }
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Ids of every participant file, sorted.
    public func participantIDs() -> [String] { ids(in: participantsDir) }

    /// Ids of every offer file, sorted.
    public func offerIDs() -> [String] { ids(in: offersDir) }

    /// Reads one participant; problems name the file and field.
    public func loadParticipant(_ id: String) throws -> Participant {
        try loadParticipantFile(id).participant
    }

    /// Reads one participant, with the bytes of its file; problems name the file and field.
    func loadParticipantFile(_ id: String) throws -> (participant: Participant, bytes: Data) {
        let url = try participantFile(id)
        let bytes = try read(url)
        return (try RecordCodec.participant(from: bytes, file: relative(url)), bytes)
    }

    /// Saves one participant atomically and durably; with a `fence`, only while that lock is
    /// still held (see `ExclusiveLock.verify()`).
    public func save(_ participant: Participant, fence: ExclusiveLock? = nil) throws {
        let url = try participantFile(participant.id)
        // Only the parts of the record that changed since it was last written are encoded.
        let data = try encodeReadable(participant, file: url, encode: SplicedRecordEncoder.encode)
        try AtomicFile.write(data, to: url, fence: fence, folderMayBeLink: false)
        CaseloadIndex(store: self).recordSaved(participant)
    }

    /// Reads one offer; problems name the file and field.
    public func loadOffer(_ id: String) throws -> Offer {
        guard RecordID.isValid(id) else { throw RecordProblem(file: id, reason: .notValidOfferID) }
        let url = offerFile(id)
        return try DataStore.offers.value(at: url.path) { try RecordCodec.offer(from: try read(url), file: relative(url)) }
    }

    /// Every offer file read in this process, kept while its file keeps its stamp: reading
    /// the catalogue again (every time the offers tab is shown) stats each file and decodes
    /// only those that changed. Offers are few beside participants (about one per 20).
    static let offers = StampedCache<Offer>(capacity: 100_000)

    /// Saves one offer atomically and durably; with a `fence`, only while that lock is still
    /// held (see `ExclusiveLock.verify()`).
    public func save(_ offer: Offer, fence: ExclusiveLock? = nil) throws {
        try stage(offer).commit(fence: fence)
    }

    /// Writes an offer to a temp file beside its file, to be put in place by `commit()`.
    public func stage(_ offer: Offer) throws -> AtomicFile.Staged {
        guard RecordID.isValid(offer.id) else { throw RecordProblem(file: offer.id, reason: .notValidOfferID) }
        let url = offerFile(offer.id)
        return try AtomicFile.Staged(try encodeReadable(offer, file: url), for: url, folderMayBeLink: false)
    }

    /// A record's bytes as `encode` gives them, refused with `RecordProblem` when they would be
    /// too large to be read back (what can be written can be read).
    func encodeReadable<T: Encodable>(
        _ record: T, file url: URL, encode: (T) throws -> Data = RecordCodec.encode
    ) throws -> Data {
        let data = try encode(record)
        guard data.count <= RecordCodec.maxRecordBytes else {
            throw RecordProblem(
                file: relative(url),
                reason: RecordCodec.tooLargeToSave(data.count))
        }
        return data
    }

    func offerFile(_ id: String) -> URL { offersDir.appendingPathComponent(id + ".json", isDirectory: false) }

    /// Every offer that can be read, and a problem for each one that cannot.
    public func loadOffers() -> (offers: [Offer], problems: [RecordProblem]) {
        loadEach(offerIDs(), folder: "offers", loadOffer)
    }

    /// Each record of `ids` that `load` can read, and a problem for each one it cannot
    /// (named `folder/<id>.json` when `load` does not say).
    func loadEach<T>(_ ids: [String], folder: String, _ load: (String) throws -> T) -> ([T], [RecordProblem]) {
        var records: [T] = []
        var problems: [RecordProblem] = []
        for id in ids {
            do { records.append(try load(id)) } catch let problem as RecordProblem {
                problems.append(problem)
            } catch {
                problems.append(RecordProblem(file: "\(folder)/\(id).json", reason: .untranslated("\(error)")))
            }
        }
        return (records, problems)
    }

    /// Takes the edit lock of a participant, or reports who holds it.
    public func lockParticipant(_ id: String, as identity: Identity) throws -> RecordLock.Outcome {
        _ = try participantFile(id)
        return try RecordLock.acquire(path: locksDir.appendingPathComponent(id + ".lock", isDirectory: false).path, as: identity)
    }

    /// Path of a file relative to the data folder, as problems name it.
    public func relative(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// A record file's bytes; a link, FIFO or over-large file is refused without being read.
    func read(_ url: URL) throws -> Data {
        do {
            guard let data = try DataFile.read(url, limit: RecordCodec.maxRecordBytes) else {
                throw RecordProblem.missing(relative(url))
            }
            return data
        } catch let problem as DataFile.Problem {
            // Too large is what the record holds; a link, a FIFO or a read error is the file.
            if let size = problem.size { throw RecordProblem(file: relative(url), reason: RecordCodec.tooLarge(size)) }
            throw RecordProblem(kind: .unreadable, file: relative(url), reason: problem.why)
        }
    }

    func ids(in dir: URL) -> [String] {
        DataFolder.names(in: dir).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(5)) }.sorted()
    }
}
