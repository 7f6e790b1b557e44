import Foundation
import StepwiseApp
import StepwiseCore
import StepwiseTestSupport
import StepwiseUI
import XCTest

/// Why a participant file cannot be used is said on the caseload in the language Stepwise is
/// set to; the file and the field are named as they are in the file.
final class ProblemLanguageTests: XCTestCase {
    /// The caseload rows of a file whose name is a number and of a file cut in half.
    let expected: [String: (wrongType: String, truncated: String)] = [
        "en": ("p-wrongtype cannot be read: field 'name': expected text", "p-truncated cannot be read: is not valid JSON (truncated or damaged)"),
        "da": ("p-wrongtype kan ikke læses: feltet 'name': skal være tekst", "p-truncated kan ikke læses: er ikke gyldig JSON (afkortet eller beskadiget)"),
        "sv": ("p-wrongtype kan inte läsas: fältet 'name': ska vara text", "p-truncated kan inte läsas: är inte giltig JSON (avkortad eller skadad)"),
        "de": (
            "p-wrongtype kann nicht gelesen werden: Feld 'name': muss Text sein",
            "p-truncated kann nicht gelesen werden: ist kein gültiges JSON (abgeschnitten oder beschädigt)"
        ),
    ]

    func testADamagedFileSaysWhyInTheScreensLanguage() throws {
        for (language, rows) in expected {
            let h = try AppHarness(width: 132, language: language)
            guard let id = h.store.participantIDs().first else { return XCTFail("no demo participants") }
            let whole = try Data(contentsOf: h.store.participantFile(id))
            guard var object = try JSONSerialization.jsonObject(with: whole) as? [String: Any] else { return XCTFail("not an object") }
            object["id"] = "p-wrongtype"
            object["name"] = 42
            try JSONSerialization.data(withJSONObject: object).write(to: h.store.participantFile("p-wrongtype"))
            try whole.firstHalfAtACharacter().write(to: h.store.participantFile("p-truncated"))
            // The first run reads the files; the second shows what the caseload index kept of them.
            for run in ["read", "from the index"] {
                try h.restart()
                let screen = h.screen
                XCTAssertTrue(screen.contains("⚠ " + rows.wrongType), "\(language), \(run):\n\(screen)")
                XCTAssertTrue(screen.contains("⚠ " + rows.truncated), "\(language), \(run):\n\(screen)")
            }
        }
    }
}
