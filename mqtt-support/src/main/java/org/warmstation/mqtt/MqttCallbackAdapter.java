package org.warmstation.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A Paho v5 {@link MqttCallback} that ignores every event; extend it and override only what you
 * need (typically {@link #messageArrived}). Paho calls every method on its own callback thread:
 * overrides must not block it and should hand longer work to a thread of their own. Never throws.
 */
public abstract class MqttCallbackAdapter implements MqttCallback {

    /** Nothing to set up. */
    protected MqttCallbackAdapter() {
    }

    /** Ignored. */
    @Override
    public void disconnected(MqttDisconnectResponse response) {
    }

    /** Ignored. */
    @Override
    public void mqttErrorOccurred(MqttException exception) {
    }

    /** Ignored. */
    @Override
    public void messageArrived(String topic, MqttMessage message) {
    }

    /** Ignored: completion is reported through each publish's token. */
    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    /** Ignored. */
    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
    }

    /** Ignored: no enhanced authentication. */
    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }
}
