import StepwiseCore

/// The screen measures columns with Core's `DisplayWidth`, the one width function that the
/// screen, the command line and the printed summary share. This module-wide name reaches it
/// from files of this module that do not import StepwiseCore themselves (the text field).
typealias DisplayWidth = StepwiseCore.DisplayWidth
