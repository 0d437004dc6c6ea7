/// A rule that cannot be evaluated: it divides by zero on every household. Appended to a region
/// file, it makes a run fail after the data is read, which is how the tests show that a failed run
/// leaves the previous outputs and the ledger exactly as they were.
public enum FailingRuleFixture {
    /// The `rules: add:` block with the one rule `broken-ratio`, to append to a region file.
    public static let regionYAML = """

        rules:
          add:
            - id: broken-ratio
              title: 测试：除以零
              severity: low
              applies_to: household
              description: divides by zero on every household
              when: 1 / (count(household.members) - count(household.members)) > 0

        """
}
