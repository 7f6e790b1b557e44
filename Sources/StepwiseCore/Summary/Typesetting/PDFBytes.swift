/// The bytes of PDF text (content streams, dictionaries, the cross-reference table) built
/// directly, without `String(format:)`: ASCII words, numbers as `PDFWriter.number` writes
/// them, and hexadecimal digits as in hexadecimal strings (ISO 32000-1, 7.3.4.3).
struct PDFBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Appends `text` as UTF-8 (the PDF syntax around the values is ASCII).
    mutating func append(_ text: String) { bytes += text.utf8 }

    /// Appends one byte, such as a line break.
    mutating func append(byte: UInt8) { bytes.append(byte) }

    /// Appends `value` with at most two decimals and no exponent: `12.5`, `-3`, `0.05`
    /// (half a hundredth rounds away from zero, as `Double.rounded()`); `0` for a value that
    /// is not finite or too large to be a position or size on a page.
    mutating func append(number value: Double) {
        guard value.isFinite, abs(value) < 1e12 else { return bytes.append(UInt8(ascii: "0")) }
        let cents = Int((value * 100).rounded())
        if cents < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = cents.magnitude
        append(decimal: magnitude / 100)
        let fraction = magnitude % 100
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
        if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
    }

    /// Appends `value` in decimal, at least `width` digits (padded with zeros in front).
    mutating func append(decimal value: UInt, width: Int = 1) {
        var digits: [UInt8] = []
        var rest = value
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        while digits.count < width { digits.append(UInt8(ascii: "0")) }
        bytes += digits.reversed()
    }

    /// Appends `value` as four uppercase hexadecimal digits: 0x1A2B as `1A2B`.
    mutating func append(hex value: UInt16) {
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(PDFBytes.hexDigits[Int(value >> UInt16(shift) & 0xF)])
        }
    }

    /// Appends each of `values` as `append(number:)` does, each followed by a space.
    mutating func append(numbers values: [Double]) {
        for value in values {
            append(number: value)
            bytes.append(UInt8(ascii: " "))
        }
    }

    /// Appends `string` as a PDF text string (7.9.2.2): UTF-16BE with a byte order mark, in
    /// hexadecimal, `<FEFF…>`.
    mutating func append(text string: String) {
        append("<FEFF")
        append(utf16Hex: string)
        append(">")
    }

    /// Appends the UTF-16 code units of `text` as hexadecimal, four digits each.
    mutating func append(utf16Hex text: String) {
        for unit in text.utf16 { append(hex: unit) }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// The bytes read as a string (they are ASCII or UTF-8).
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
