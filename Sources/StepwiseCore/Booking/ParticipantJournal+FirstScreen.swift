import Foundation

extension ParticipantJournal {
    /// What `readFirstScreen` left out of a record: its notes and ratings, still to be decoded
    /// from the bytes read (`whole()`).
    public struct Rest: Sendable {
        /// The record as read for its first screen.
        public let first: Participant
        let data: Data
        let file: String
        let path: String
        /// The file's stamp when the bytes were read, when it did not change while they were.
        let stamp: FileStamp?

        /// The whole record, as `read` gives it: `first` with its notes and ratings decoded from
        /// the same bytes. Remembers it as `read` does (so that a save need not read the file
        /// again) and has its lists encoded in the background. Throws the `RecordProblem` that
        /// `read` throws when a list cannot be read.
        public func whole() throws -> Participant {
            let participant = try RecordCodec.participant(completing: first, from: data, file: file)
            ParticipantJournal.remember(participant, path: path, stamp: stamp, bytes: data)
            return participant
        }
    }

    /// Reads a participant to open in a screen in two parts: the record without its notes and
    /// ratings, which the first screen (the plan tab and the header) does not show and which
    /// are nine tenths of a large record, and the `Rest`, which gives the whole record. Nil
    /// `rest` when the record was read whole (a file of an older version, or one that must be
    /// checked field by field). Throws what `read` throws.
    public static func readFirstScreen(_ participantId: String, in store: DataStore) throws -> (participant: Participant, rest: Rest?) {
        let url = try store.participantFile(participantId)
        let before = FileStamp(path: url.path, followingLinks: false)
        let data = try store.read(url)
        let stamp = before.flatMap { FileStamp(path: url.path, followingLinks: false) == $0 ? $0 : nil }
        let file = store.relative(url)
        guard let first = try RecordCodec.participantFirstScreen(from: data, file: file) else {
            let participant = try RecordCodec.participant(from: data, file: file)
            remember(participant, path: url.path, stamp: stamp, bytes: data)
            return (participant, nil)
        }
        return (first, Rest(first: first, data: data, file: file, path: url.path, stamp: stamp))
    }

    /// Notes `participant`, read as `bytes` from the file at `path` while it kept `stamp` (nil:
    /// it changed meanwhile, and is not noted), and has its lists made ready for the next save
    /// (`SplicedRecordEncoder.prepare`: taken from `bytes` where they are laid out as written).
    static func remember(_ participant: Participant, path: String, stamp: FileStamp?, bytes: Data) {
        if let stamp { Remembered.shared.note(path, stamp: stamp, value: participant) }
        SplicedRecordEncoder.prepare(participant, readFrom: bytes)
    }
}
