package org.consentry.delivery.smpp;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;

/** An SMSC's side of the operations an ESME may ask for, taking submit_sm only: every other is refused (ESME_RINVCMDID). */
public abstract class SubmitOnlyListener implements ServerMessageReceiverListener {

    @Override public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not here", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not here", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not here", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not here", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not here", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not here", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("not here", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("not here", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
