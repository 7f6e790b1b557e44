import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// The PDF's numbers and hexadecimal written as bytes read as they did through
/// `String(format:)`, and placeholders filled in one pass.
final class PDFBytesTests: XCTestCase {
    /// A number as the PDF wrote it before: rounded to hundredths, "%.2f", trailing zeros cut.
    private func formatted(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    func testNumbersReadAsWithStringFormat() {
        var random = SplitMix64(seed: 7)
        var values: [Double] = [0, -0.0, 0.004, -0.004, 0.005, -0.005, 0.015, 1.005, 2.675, 595, 842, -3, 12.5, 0.1, 0.38, 783.995, 1e6 + 0.125]
        for _ in 0..<20_000 { values.append(Double(random.below(2_000_000) - 1_000_000) / Double(1 + random.below(997))) }
        for value in values { XCTAssertEqual(PDFWriter.number(value), formatted(value), "\(value)") }
        XCTAssertEqual(PDFWriter.number(.nan), "0")
        XCTAssertEqual(PDFWriter.number(.infinity), "0")
    }

    func testHexadecimalAndTextStrings() {
        var bytes = PDFBytes()
        for value: UInt16 in [0, 0x1A, 0xABCD, 0xFFFF] { bytes.append(hex: value) }
        XCTAssertEqual(bytes.text, "0000001AABCDFFFF")
        XCTAssertEqual(PDFWriter.text("Åse 💪"), "<FEFF00C5007300650020D83DDCAA>")
        var padded = PDFBytes()
        padded.append(decimal: 4711, width: 10)
        XCTAssertEqual(padded.text, String(format: "%010d", 4711))
    }

    func testPlaceholdersAreFilledInOnePass() {
        XCTAssertEqual(Localizer.fill("{a} and {b}", ["a": "{b}", "b": "x"]), "{b} and x", "a value is not read for placeholders")
        XCTAssertEqual(Localizer.fill("{a} {unknown} {{a}} {", ["a": "1"]), "1 {unknown} {1} {")
        XCTAssertEqual(Localizer.fill("Åse {n} é{n}", ["n": "2"]), "Åse 2 é2")
        XCTAssertEqual(Localizer.fill("no placeholders", ["n": "2"]), "no placeholders")
    }
}
