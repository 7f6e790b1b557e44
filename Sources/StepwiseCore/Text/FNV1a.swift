/// FNV-1a, 64 bits (Fowler–Noll–Vo, draft-eastlake-fnv-21 §2): a quick hash of bytes (or
/// glyph ids) to name or look up things by, never to protect them.
enum FNV1a {
    /// The hash of `values`, each value taken whole as one step (a byte, a glyph id).
    static func hash<Values: Sequence>(_ values: Values) -> UInt64 where Values.Element: FixedWidthInteger {
        values.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64(truncatingIfNeeded: $1)) &* 0x100_0000_01B3 }
    }
}
