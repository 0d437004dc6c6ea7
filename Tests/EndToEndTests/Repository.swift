import TestSupport

/// Paths inside this repository and the test process's scratch folder.
typealias Repository = TestRepository
