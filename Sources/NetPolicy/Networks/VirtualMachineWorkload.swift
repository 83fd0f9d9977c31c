import Kube
import PalisadeCore

/// A KubeVirt `VirtualMachine` as a workload: its virt-launcher pod carries the
/// labels of `spec.template.metadata`, so policies select it like a pod.
public enum VirtualMachineWorkload {
    public static let kind = "VirtualMachine"

    public static func isVirtualMachine(_ object: KubeObject) -> Bool {
        object.kind == kind && object.group.hasPrefix("kubevirt.io")
    }

    /// The endpoint standing for the machine, or nil when `object` is not one.
    public static func endpoint(of object: KubeObject) -> Endpoint? {
        guard isVirtualMachine(object) else { return nil }
        let template = object.value(at: ["spec", "template"])
        let labels = KubeObjectLabels.strings(template?["metadata"]?["labels"])
        return Endpoint(kind: .pod, namespace: object.namespace ?? "default", name: object.name,
                        workloadKind: kind, labels: labels, origin: object.location?.description)
    }

    /// The secondary networks the machine attaches to: `networkName` of each
    /// `spec.template.spec.networks[].multus` entry that is not the default network.
    public static func secondaryNetworks(of object: KubeObject) -> [NetworkAttachmentRequest] {
        guard isVirtualMachine(object) else { return [] }
        let networks = object.value(at: ["spec", "template", "spec", "networks"])?.arrayValue ?? []
        return networks.compactMap { network in
            guard let multus = network["multus"], multus["default"]?.boolValue != true,
                  let name = multus["networkName"]?.stringValue, !name.isEmpty else { return nil }
            return NetworkAttachmentRequest(reference: name)
        }
    }
}

/// String entries of a label map; other entries are left out.
enum KubeObjectLabels {
    static func strings(_ value: Value?) -> [String: String] {
        var result: [String: String] = [:]
        for (key, entry) in value?.objectValue ?? [:] {
            if let k = key.stringValue, let v = entry.stringValue { result[k] = v }
        }
        return result
    }
}
