package org.warmstation.devices.scan;

import com.google.zxing.Binarizer;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.warmstation.devices.scan.FramePlanes.Scale;

/**
 * The decoding steps {@link QrDecoder} can try, each a combination of a plane (as is, half,
 * double size, inverted), a threshold (ZXing's local "hybrid", its global histogram) and a
 * detector (ZXing's plain pass, {@link GridRetry}'s other geometries, BoofCV's detector through
 * {@link BoofGridDecoder}). Stateless; thread-safe.
 */
final class DecodeSteps {
    static final Map<DecodeHintType, Object> TRY_HARDER = tryHarder();
    private static final Function<LuminanceSource, Binarizer> HYBRID = HybridBinarizer::new;
    private static final Function<LuminanceSource, Binarizer> GLOBAL = GlobalHistogramBinarizer::new;

    private DecodeSteps() {
    }

    /** ZXing's plain pass: local threshold, its best three finder patterns, no hints. */
    static final DecodeStep PLAIN = new DecodeStep("plain", false,
            p -> PlainPass.decode(p.bitmap(Scale.AS_IS, false, "hybrid", HYBRID), p));

    /** BoofCV's detector on the frame as is; after it, a frame where neither detector saw much stops. */
    static final DecodeStep BOOF = boof("boofcv", Scale.AS_IS, false);

    static DecodeStep regrid(String name, Scale scale, boolean inverted, boolean global) {
        return new DecodeStep(name, inverted, p -> applies(p, scale)
                ? GridRetry.decode(p.bitmap(scale, inverted, global ? "global" : "hybrid", global ? GLOBAL : HYBRID).getBlackMatrix(), TRY_HARDER)
                : Optional.empty());
    }

    static DecodeStep reader(String name, Scale scale, boolean inverted, boolean global) {
        return new DecodeStep(name, inverted, p -> applies(p, scale)
                ? Optional.of(new QRCodeReader().decode(p.bitmap(scale, inverted, global ? "global" : "hybrid", global ? GLOBAL : HYBRID), TRY_HARDER).getText())
                : Optional.empty());
    }

    static DecodeStep boof(String name, Scale scale, boolean inverted) {
        return new DecodeStep(name, inverted, p -> applies(p, scale)
                ? BoofGridDecoder.decode(p.plane(scale, inverted), TRY_HARDER, n -> {
                    if (!inverted) {
                        p.boofSymbols(n);
                    }
                })
                : Optional.empty());
    }

    /**
     * @param p the frame's planes
     * @return the frame under ZXing's local threshold (the plain pass's, made once)
     * @throws com.google.zxing.NotFoundException when ZXing cannot threshold it
     */
    static com.google.zxing.common.BitMatrix hybridMatrix(FramePlanes p) throws com.google.zxing.NotFoundException {
        return p.bitmap(Scale.AS_IS, false, "hybrid", HYBRID).getBlackMatrix();
    }

    /** Halving only pays on large frames, doubling only on small ones. */
    static boolean applies(FramePlanes p, Scale scale) {
        int longer = Math.max(p.frame().width(), p.frame().height());
        return switch (scale) {
            case AS_IS -> true;
            case HALF -> longer > QrDecoder.LARGE_SIDE;
            case DOUBLE -> longer <= QrDecoder.UPSCALE_MAX_SIDE;
        };
    }

    /** Every step there is, for the bench's per-step figures; the decoder's order is {@link #DEFAULT}. */
    static final List<DecodeStep> ALL = List.of(
            PLAIN,
            regrid("other finder triples and sizes", Scale.AS_IS, false, false),
            regrid("global threshold", Scale.AS_IS, false, true),
            reader("half size", Scale.HALF, false, false),
            reader("double size", Scale.DOUBLE, false, false),
            reader("double size, global threshold", Scale.DOUBLE, false, true),
            regrid("inverted", Scale.AS_IS, true, false),
            DecodeSteps.BOOF,
            boof("boofcv inverted", Scale.AS_IS, true),
            boof("boofcv double size", Scale.DOUBLE, false),
            boof("boofcv half size", Scale.HALF, false));

    /**
     * The decoder's order: cheap and likely first (measured one step at a time on the photo set,
     * in all four quarter turns; see decision 0091).
     */
    static final List<DecodeStep> DEFAULT = List.of(ALL.get(0), ALL.get(7), ALL.get(1), ALL.get(2), ALL.get(3),
            ALL.get(4), ALL.get(6), ALL.get(8));

    private static Map<DecodeHintType, Object> tryHarder() {
        Map<DecodeHintType, Object> h = new EnumMap<>(DecodeHintType.class);
        h.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        return Collections.unmodifiableMap(h);
    }
}
