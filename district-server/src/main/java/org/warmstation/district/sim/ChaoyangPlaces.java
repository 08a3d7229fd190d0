package org.warmstation.district.sim;

import java.util.List;

/**
 * Forty places of Beijing's Chaoyang district (朝阳区) where a warm station plausibly stands, with
 * approximate real coordinates (WGS-84, inside {@link #SOUTH}..{@link #NORTH} ×
 * {@link #WEST}..{@link #EAST}) and the kind of place, which shapes who comes. The simulated
 * district takes its stations from here; beyond forty it reuses them with a number and a nearby
 * position. Immutable.
 */
final class ChaoyangPlaces {
    /** Southern edge of the box the simulated stations stand in, degrees latitude. */
    static final double SOUTH = 39.90;
    /** Northern edge, degrees latitude. */
    static final double NORTH = 40.02;
    /** Western edge, degrees longitude. */
    static final double WEST = 116.42;
    /** Eastern edge, degrees longitude. */
    static final double EAST = 116.56;

    /** What is around a station: it shifts the mix of worker categories. */
    enum Kind {
        /** office and shopping area: food-delivery riders and couriers */
        BUSINESS,
        /** a sanitation depot's station: mostly sanitation workers, opens early */
        SANITATION,
        /** homes: couriers, sanitation, security guards */
        RESIDENTIAL,
        /** a main road or junction: drivers, traffic police, parking attendants */
        TRAFFIC
    }

    /**
     * One place.
     *
     * @param stem    the station's name without suffix, e.g. 东大桥
     * @param suffix  驿站, 环卫驿站, 户外劳动者驿站 …
     * @param address street address within 朝阳区
     * @param lat     latitude, degrees
     * @param lon     longitude, degrees
     * @param kind    kind of place
     */
    record Place(String stem, String suffix, String address, double lat, double lon, Kind kind) {
    }

    static final List<Place> ALL = List.of(
            new Place("东大桥", "驿站", "东大桥路8号", 39.9227, 116.4515, Kind.BUSINESS),
            new Place("三里屯", "环卫驿站", "三里屯路19号院南侧", 39.9338, 116.4547, Kind.SANITATION),
            new Place("望京SOHO", "驿站", "望京街10号", 39.9960, 116.4810, Kind.BUSINESS),
            new Place("国贸桥", "户外劳动者驿站", "建国门外大街1号", 39.9087, 116.4605, Kind.TRAFFIC),
            new Place("呼家楼", "驿站", "呼家楼京广中心北侧", 39.9230, 116.4625, Kind.BUSINESS),
            new Place("团结湖", "环卫驿站", "团结湖路6号", 39.9290, 116.4680, Kind.SANITATION),
            new Place("朝外大街", "驿站", "朝阳门外大街18号", 39.9240, 116.4370, Kind.BUSINESS),
            new Place("光华路", "驿站", "光华路甲14号", 39.9145, 116.4590, Kind.BUSINESS),
            new Place("金台夕照", "暖心驿站", "东三环中路7号", 39.9165, 116.4680, Kind.TRAFFIC),
            new Place("大望路", "驿站", "大望路华贸中心西侧", 39.9080, 116.4780, Kind.BUSINESS),
            new Place("四惠", "户外劳动者驿站", "四惠东站北口", 39.9085, 116.4960, Kind.TRAFFIC),
            new Place("高碑店", "环卫驿站", "高碑店路甲2号", 39.9040, 116.5260, Kind.SANITATION),
            new Place("朝阳公园南门", "驿站", "朝阳公园南路1号", 39.9400, 116.4780, Kind.RESIDENTIAL),
            new Place("亮马桥", "驿站", "亮马桥路32号", 39.9490, 116.4620, Kind.BUSINESS),
            new Place("燕莎桥", "户外劳动者驿站", "东三环北路52号", 39.9510, 116.4560, Kind.TRAFFIC),
            new Place("左家庄", "暖心驿站", "左家庄东里12号", 39.9500, 116.4330, Kind.RESIDENTIAL),
            new Place("太阳宫", "驿站", "太阳宫中路12号", 39.9730, 116.4480, Kind.RESIDENTIAL),
            new Place("芍药居", "环卫驿站", "芍药居北里甲1号", 39.9780, 116.4370, Kind.SANITATION),
            new Place("惠新西街", "驿站", "惠新西街2号", 39.9800, 116.4215, Kind.RESIDENTIAL),
            new Place("和平街", "暖心驿站", "和平街十五区", 39.9660, 116.4250, Kind.RESIDENTIAL),
            new Place("大屯路", "户外劳动者驿站", "大屯路东口", 40.0030, 116.4260, Kind.TRAFFIC),
            new Place("望京西园", "驿站", "望京西园三区", 39.9960, 116.4510, Kind.RESIDENTIAL),
            new Place("花家地", "驿站", "花家地街8号", 39.9830, 116.4700, Kind.RESIDENTIAL),
            new Place("望京东", "环卫驿站", "望京东路6号", 40.0020, 116.4890, Kind.SANITATION),
            new Place("来广营", "驿站", "来广营西路", 40.0180, 116.4640, Kind.RESIDENTIAL),
            new Place("酒仙桥", "户外劳动者驿站", "酒仙桥路14号", 39.9700, 116.4920, Kind.TRAFFIC),
            new Place("798艺术区", "驿站", "酒仙桥路4号", 39.9840, 116.4950, Kind.BUSINESS),
            new Place("将台", "驿站", "将台路5号", 39.9720, 116.4800, Kind.RESIDENTIAL),
            new Place("东坝", "环卫驿站", "东坝中路38号", 39.9650, 116.5500, Kind.SANITATION),
            new Place("青年路", "驿站", "朝阳北路青年路口", 39.9260, 116.5180, Kind.TRAFFIC),
            new Place("定福庄", "驿站", "定福庄东街1号", 39.9100, 116.5500, Kind.RESIDENTIAL),
            new Place("石佛营", "环卫驿站", "石佛营东里", 39.9330, 116.5010, Kind.SANITATION),
            new Place("甜水园", "驿站", "甜水园街2号", 39.9290, 116.4890, Kind.BUSINESS),
            new Place("红领巾公园", "暖心驿站", "红领巾公园西门", 39.9270, 116.4970, Kind.RESIDENTIAL),
            new Place("十里堡", "驿站", "十里堡路1号", 39.9210, 116.5040, Kind.RESIDENTIAL),
            new Place("慈云寺", "户外劳动者驿站", "朝阳路慈云寺桥东", 39.9180, 116.4890, Kind.TRAFFIC),
            new Place("姚家园", "驿站", "姚家园路105号", 39.9440, 116.5180, Kind.RESIDENTIAL),
            new Place("北湖渠", "环卫驿站", "北湖渠路", 40.0100, 116.4530, Kind.SANITATION),
            new Place("霄云路", "驿站", "霄云路36号", 39.9560, 116.4650, Kind.BUSINESS),
            new Place("农展馆", "驿站", "农展馆南路16号", 39.9400, 116.4670, Kind.BUSINESS));

    private ChaoyangPlaces() {
    }
}
