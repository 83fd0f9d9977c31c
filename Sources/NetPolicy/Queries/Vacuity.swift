/// A configuration is vacuous when its policies change nothing: it allows
/// exactly what the cluster allows without any policy.
public enum Vacuity {
    public static func isVacuous(_ configuration: PolicyConfiguration) -> Bool {
        isVacuous(ConfigurationConnectivity(configuration))
    }

    public static func isVacuous(_ base: ConfigurationConnectivity) -> Bool {
        Equivalence.areEquivalent(base, ConfigurationConnectivity(base.configuration.withoutPolicies(name: "vacuousConfig")))
    }
}
