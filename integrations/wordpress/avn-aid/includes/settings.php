<?php
/**
 * The site-wide defaults (one option, avn_aid_settings) and the checks a value must pass.
 *
 * @package AVN_Aid
 */

defined( 'ABSPATH' ) || exit;

/** Name of the plugin's only option. */
const AVN_AID_OPTION = 'avn_aid_settings';

/** Longest hospital name or disclaimer the guide shows (the same limit as the guide's own). */
const AVN_AID_MAX_TEXT = 600;

/**
 * The settings a page can set, with their empty defaults. A site-wide default exists for all
 * but the joint, which only makes sense per page.
 *
 * @return array<string, string>
 */
function avn_aid_setting_keys() {
	return array(
		'hospital'    => '',
		'contact_url' => '',
		'lang'        => '',
		'accent'      => '',
		'joint'       => '',
		'disclaimer'  => '',
	);
}

/**
 * Languages the guide's content has, code => name. Filterable for a build with more languages.
 *
 * @return array<string, string>
 */
function avn_aid_languages() {
	return (array) apply_filters( 'avn_aid_languages', array( 'en' => __( 'English', 'avn-aid' ) ) );
}

/**
 * Joints the guide can start on, ID => name.
 *
 * @return array<string, string>
 */
function avn_aid_joints() {
	return array(
		'hip'            => __( 'Hip', 'avn-aid' ),
		'knee'           => __( 'Knee (spontaneous, SONK)', 'avn-aid' ),
		'knee-secondary' => __( 'Knee (from steroids, alcohol or other causes)', 'avn-aid' ),
		'shoulder'       => __( 'Shoulder', 'avn-aid' ),
		'ankle'          => __( 'Ankle', 'avn-aid' ),
		'wrist'          => __( 'Wrist', 'avn-aid' ),
		'jaw'            => __( 'Jaw', 'avn-aid' ),
	);
}

/**
 * The stored site-wide defaults, every key present (empty when not set).
 *
 * @return array<string, string>
 */
function avn_aid_get_settings() {
	$stored   = get_option( AVN_AID_OPTION, array() );
	$settings = array();
	foreach ( array( 'hospital', 'contact_url', 'lang', 'accent', 'disclaimer' ) as $key ) {
		$settings[ $key ] = ( is_array( $stored ) && isset( $stored[ $key ] ) && is_string( $stored[ $key ] ) ) ? $stored[ $key ] : '';
	}
	return $settings;
}

/**
 * Registers the option with its sanitize callback (the Settings API then checks the form's nonce
 * and the manage_options capability on options.php).
 */
function avn_aid_register_setting() {
	register_setting(
		'avn_aid',
		AVN_AID_OPTION,
		array(
			'type'              => 'array',
			'description'       => __( 'Site-wide defaults for the AVN patient guide.', 'avn-aid' ),
			'sanitize_callback' => 'avn_aid_sanitize_settings',
			'default'           => array(),
			'show_in_rest'      => false,
		)
	);
}

/**
 * Plain text: tags and line breaks removed, trimmed, at most AVN_AID_MAX_TEXT characters.
 *
 * @param mixed $value Submitted value.
 * @return string
 */
function avn_aid_clean_text( $value ) {
	if ( ! is_scalar( $value ) ) {
		return '';
	}
	$text = sanitize_text_field( (string) $value );
	if ( function_exists( 'mb_substr' ) ) {
		$text = mb_substr( $text, 0, AVN_AID_MAX_TEXT );
	} else {
		$text = substr( $text, 0, AVN_AID_MAX_TEXT );
	}
	return trim( $text );
}

/**
 * A contact link the guide accepts: https:// with a host, mailto: with an address, tel: with a
 * number. Returns the cleaned link, or null when it is none of these.
 *
 * @param string $url Submitted link, trimmed.
 * @return string|null
 */
function avn_aid_clean_contact_url( $url ) {
	$clean = esc_url_raw( $url, array( 'https', 'mailto', 'tel' ) );
	if ( '' === $clean ) {
		return null;
	}
	$scheme = strtolower( (string) wp_parse_url( $clean, PHP_URL_SCHEME ) );
	if ( 'https' === $scheme ) {
		$host = wp_parse_url( $clean, PHP_URL_HOST );
		return ( is_string( $host ) && '' !== $host ) ? $clean : null;
	}
	$rest = substr( $clean, strlen( $scheme ) + 1 );
	if ( 'mailto' === $scheme ) {
		$address = rawurldecode( (string) strtok( $rest, '?' ) );
		return is_email( $address ) ? $clean : null;
	}
	if ( 'tel' === $scheme ) {
		return preg_match( '/[0-9]/', $rest ) ? $clean : null;
	}
	return null;
}

/**
 * WCAG contrast ratio of a #rrggbb colour against white.
 *
 * @param string $hex Colour as #rrggbb.
 * @return float
 */
function avn_aid_contrast_on_white( $hex ) {
	$channels = array_map( 'hexdec', str_split( substr( $hex, 1 ), 2 ) );
	$linear   = array();
	foreach ( $channels as $channel ) {
		$c        = $channel / 255;
		$linear[] = ( $c <= 0.03928 ) ? $c / 12.92 : pow( ( $c + 0.055 ) / 1.055, 2.4 );
	}
	$luminance = 0.2126 * $linear[0] + 0.7152 * $linear[1] + 0.0722 * $linear[2];
	return 1.05 / ( $luminance + 0.05 );
}

/**
 * Reports a value that was not saved on the settings page (once: WordPress runs the sanitize
 * callback twice when the option is first created). Outside wp-admin there is no page to say it on.
 *
 * @param string $code    Error code.
 * @param string $message What was wrong and what to do.
 */
function avn_aid_settings_error( $code, $message ) {
	if ( ! function_exists( 'add_settings_error' ) ) {
		return;
	}
	foreach ( get_settings_errors( AVN_AID_OPTION ) as $error ) {
		if ( $error['code'] === $code ) {
			return;
		}
	}
	add_settings_error( AVN_AID_OPTION, $code, $message );
}

/**
 * Sanitize callback for the option: keeps each valid value, keeps the saved one (and says why)
 * for an invalid one.
 *
 * @param mixed $input Submitted values.
 * @return array<string, string>
 */
function avn_aid_sanitize_settings( $input ) {
	$old    = avn_aid_get_settings();
	$input  = is_array( $input ) ? $input : array();
	$output = $old;

	$output['hospital']   = avn_aid_clean_text( isset( $input['hospital'] ) ? $input['hospital'] : '' );
	$output['disclaimer'] = avn_aid_clean_text( isset( $input['disclaimer'] ) ? $input['disclaimer'] : '' );

	$url = isset( $input['contact_url'] ) && is_scalar( $input['contact_url'] ) ? trim( (string) $input['contact_url'] ) : '';
	if ( '' === $url ) {
		$output['contact_url'] = '';
	} else {
		$clean = avn_aid_clean_contact_url( $url );
		if ( null === $clean ) {
			avn_aid_settings_error( 'avn-aid-contact-url', __( 'The contact link was not saved: use a link that starts with https:// (with a web address), mailto: (with an email address) or tel: (with a phone number).', 'avn-aid' ) );
		} else {
			$output['contact_url'] = $clean;
		}
	}

	$accent = isset( $input['accent'] ) && is_scalar( $input['accent'] ) ? strtolower( trim( (string) $input['accent'] ) ) : '';
	if ( '' === $accent ) {
		$output['accent'] = '';
	} elseif ( ! preg_match( '/^#([0-9a-f]{3}|[0-9a-f]{6})$/', $accent ) ) {
		avn_aid_settings_error( 'avn-aid-accent', __( 'The accent colour was not saved: write it as # and 3 or 6 hexadecimal digits, for example #0b5c8a.', 'avn-aid' ) );
	} else {
		if ( 4 === strlen( $accent ) ) {
			$accent = '#' . $accent[1] . $accent[1] . $accent[2] . $accent[2] . $accent[3] . $accent[3];
		}
		if ( avn_aid_contrast_on_white( $accent ) < 4.5 ) {
			avn_aid_settings_error( 'avn-aid-accent', __( 'The accent colour was not saved: it is too light to read on white (it needs a contrast of at least 4.5 to 1). Choose a darker colour.', 'avn-aid' ) );
		} else {
			$output['accent'] = $accent;
		}
	}

	$lang           = isset( $input['lang'] ) && is_scalar( $input['lang'] ) ? (string) $input['lang'] : '';
	$output['lang'] = array_key_exists( $lang, avn_aid_languages() ) ? $lang : '';

	return $output;
}
