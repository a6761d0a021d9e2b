package io.whalewatch.adapter.simulator.chain;

import java.util.Optional;

/**
 * An output script as esplora shows it: hex, asm, type name and address ("" when none).
 *
 * @param hex     scriptpubkey hex
 * @param asm     scriptpubkey_asm
 * @param type    scriptpubkey_type (electrs names: p2pkh, p2sh, v0_p2wpkh, v0_p2wsh, v1_p2tr, op_return)
 * @param address scriptpubkey_address, or null for address-less scripts
 */
public record Script(String hex, String asm, String type, String address) {

    public static Script p2pkh(byte[] h20) {
        String h = Hex.of(h20);
        return new Script("76a914" + h + "88ac",
                "OP_DUP OP_HASH160 OP_PUSHBYTES_20 " + h + " OP_EQUALVERIFY OP_CHECKSIG", "p2pkh",
                Base58Check.encode(0x00, h20));
    }

    public static Script p2sh(byte[] h20) {
        String h = Hex.of(h20);
        return new Script("a914" + h + "87", "OP_HASH160 OP_PUSHBYTES_20 " + h + " OP_EQUAL", "p2sh",
                Base58Check.encode(0x05, h20));
    }

    public static Script p2wpkh(byte[] h20) {
        String h = Hex.of(h20);
        return new Script("0014" + h, "OP_0 OP_PUSHBYTES_20 " + h, "v0_p2wpkh", AddressCodec.segwit(0, h20));
    }

    public static Script p2wsh(byte[] h32) {
        String h = Hex.of(h32);
        return new Script("0020" + h, "OP_0 OP_PUSHBYTES_32 " + h, "v0_p2wsh", AddressCodec.segwit(0, h32));
    }

    public static Script p2tr(byte[] h32) {
        String h = Hex.of(h32);
        return new Script("5120" + h, "OP_PUSHNUM_1 OP_PUSHBYTES_32 " + h, "v1_p2tr", AddressCodec.segwit(1, h32));
    }

    /** The segwit witness commitment a coinbase carries (address-less). */
    public static Script opReturn(byte[] data36) {
        String h = Hex.of(data36);
        return new Script("6a24" + h, "OP_RETURN OP_PUSHBYTES_36 " + h, "op_return", null);
    }

    /** The script paying a mainnet address, if the address is valid. */
    public static Optional<Script> ofAddress(String address) {
        AddressCodec.Segwit sw = AddressCodec.decodeSegwit(address);
        if (sw != null) {
            return ofSegwit(sw);
        }
        byte[] b58 = Base58Check.decode(address);
        if (b58 == null || b58.length != 21) {
            return Optional.empty();
        }
        byte[] h = java.util.Arrays.copyOfRange(b58, 1, 21);
        return switch (b58[0]) {
            case 0x00 -> Optional.of(p2pkh(h));
            case 0x05 -> Optional.of(p2sh(h));
            default -> Optional.empty();
        };
    }

    private static Optional<Script> ofSegwit(AddressCodec.Segwit sw) {
        if (sw.version() == 0 && sw.program().length == 20) {
            return Optional.of(p2wpkh(sw.program()));
        }
        if (sw.version() == 0 && sw.program().length == 32) {
            return Optional.of(p2wsh(sw.program()));
        }
        if (sw.version() == 1 && sw.program().length == 32) {
            return Optional.of(p2tr(sw.program()));
        }
        return Optional.empty();
    }

    /** Serialized output size in bytes: 8 value + 1 length + script. */
    public int outputBytes() {
        return 9 + hex.length() / 2;
    }
}
