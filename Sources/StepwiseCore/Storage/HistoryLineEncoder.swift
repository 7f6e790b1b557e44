import Foundation

/// Encodes a plan version as its line in the plan history, exactly the bytes
/// `RecordCodec.line(version)` gives, without encoding again the goals that did not change
/// since the last version of the same participant encoded in this process: a change of one
/// step of a plan of many goals costs that goal, not the plan (the goals are most of a line:
/// about 14 kB for the bench's largest record).
///
/// Why splicing gives the same bytes: compact JSON (`JSONEncoder` without `.prettyPrinted`)
/// writes an element of a list as it writes that element alone, the elements separated by
/// one comma. The version is encoded with its goals emptied, and the goals' bytes are put in
/// place of `"goals":[]`, which then stands once in the line: a quote inside a string is
/// written `\"`, so the key can be nothing else (when any other `"goals":` key stands in the
/// line, the version is encoded whole). A goal's bytes are reused only when it is bitwise the
/// same value as the one they were encoded from (see `SplicedRecordEncoder`).
/// `HistoryLineEncoderTests` holds the bytes equal to `RecordCodec.line`.
enum HistoryLineEncoder {
    /// The line of `version` of participant `id`'s plan, ending in a line break. Throws what
    /// `JSONEncoder` throws.
    static func line(_ version: PlanVersion, participant id: String) throws -> Data {
        let goals = version.plan.goals
        guard !goals.isEmpty else { return try RecordCodec.line(version) }
        var rest = version
        rest.plan.goals = []
        let head = try RecordCodec.line(rest)
        guard let empty = head.range(of: emptyGoals), head.range(of: goalsKey, in: head.startIndex..<empty.lowerBound) == nil,
            head.range(of: goalsKey, in: empty.upperBound..<head.endIndex) == nil
        else { return try RecordCodec.line(version) }
        let column = try SplicedRecordEncoder.Column(goals, reusing: columns.withLock { $0[id] }) {
            try RecordCodec.Encoders.shared.line.encode($0)
        }
        columns.withLock {
            if $0[id] == nil, $0.count >= capacity { $0.removeAll() }
            $0[id] = column
        }
        encoded.withLock { $0 += column.encoded }
        var line = Data()
        line.reserveCapacity(head.count + column.pieces.reduce(column.pieces.count) { $0 + $1.count })
        line += head[..<empty.lowerBound]
        line += goalsKey
        line.append(0x5B)  // [
        for (index, piece) in column.pieces.enumerated() {
            if index > 0 { line.append(0x2C) }  // ,
            line += piece
        }
        line.append(0x5D)  // ]
        line += head[empty.upperBound...]
        return line
    }

    /// How many goals were encoded so far in this process (the others were reused; for tests).
    static var goalsEncoded: Int { encoded.withLock { $0 } }

    private static let goalsKey = Data(#""goals":"#.utf8)
    private static let emptyGoals = Data(#""goals":[]"#.utf8)
    /// The goals of the last version encoded, of the few participants whose plans changed last.
    private static let capacity = 8
    private static let columns = Guarded<[String: SplicedRecordEncoder.Column<Goal>]>([:])
    private static let encoded = Guarded(0)
}
