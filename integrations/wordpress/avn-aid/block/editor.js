/**
 * Block editor side of the "AVN patient guide" block (avn-aid/guide). Plain script on the wp.*
 * globals, no build step. The block is dynamic: it saves only its attributes and PHP draws the
 * guide's box on the page, so the editor shows a placeholder that lists the settings, and the
 * settings themselves are in the block's sidebar.
 *
 * @package AVN_Aid
 */
( function ( wp ) {
	'use strict';

	var el = wp.element.createElement;
	var Fragment = wp.element.Fragment;
	var __ = wp.i18n.__;
	var sprintf = wp.i18n.sprintf;
	var useBlockProps = wp.blockEditor.useBlockProps;
	var InspectorControls = wp.blockEditor.InspectorControls;
	var PanelBody = wp.components.PanelBody;
	var TextControl = wp.components.TextControl;
	var TextareaControl = wp.components.TextareaControl;
	var SelectControl = wp.components.SelectControl;

	var data = window.avnAidEditor || {};
	var defaults = data.defaults || {};
	var joints = data.joints || [];
	var languages = data.languages || [];

	/** The label of `value` in a list of { value, label }, or the value itself. */
	function labelOf( options, value ) {
		for ( var i = 0; i < options.length; i++ ) {
			if ( options[ i ].value === value ) {
				return options[ i ].label;
			}
		}
		return value;
	}

	/** What the placeholder says for one setting: the page's value, else the site default, else the guide's own. */
	function describe( value, siteDefault, guideDefault ) {
		if ( value ) {
			return value;
		}
		if ( siteDefault ) {
			/* translators: %s: the value set for the whole site. */
			return sprintf( __( '%s (site default)', 'avn-aid' ), siteDefault );
		}
		return guideDefault;
	}

	/** Whether the guide will use this contact link (the same kinds PHP keeps). */
	function usableLink( url ) {
		return /^(https:\/\/[^\/\s?#]+|mailto:[^@\s]+@[^@\s]+|tel:[^a-z]*[0-9])/i.test( url );
	}

	function Edit( props ) {
		var a = props.attributes;
		var set = function ( key ) {
			return function ( value ) {
				var change = {};
				change[ key ] = value;
				props.setAttributes( change );
			};
		};
		var none = __( 'none', 'avn-aid' );
		var rows = [
			[ __( 'Hospital name', 'avn-aid' ), describe( a.hospital, defaults.hospital, none ) ],
			[
				__( 'Contact link', 'avn-aid' ),
				a.contactUrl && ! usableLink( a.contactUrl )
					? /* translators: %s: the link the editor typed. */
					  sprintf( __( '%s is not used: it must start with https://, mailto: or tel:. The site default is used instead.', 'avn-aid' ), a.contactUrl )
					: describe( a.contactUrl, defaults.contact_url, none ),
			],
			[ __( 'Starts on', 'avn-aid' ), a.joint ? labelOf( joints, a.joint ) : __( 'the start page (all joints)', 'avn-aid' ) ],
			[ __( 'Language', 'avn-aid' ), describe( labelOf( languages, a.lang ), labelOf( languages, defaults.lang || '' ), __( 'English', 'avn-aid' ) ) ],
			[
				__( 'Accent colour', 'avn-aid' ),
				a.accent && ! /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test( a.accent )
					? /* translators: %s: the colour the editor typed. */
					  sprintf( __( '%s is not a colour the guide reads: write # and 3 or 6 hexadecimal digits.', 'avn-aid' ), a.accent )
					: describe( a.accent, defaults.accent, __( 'the guide\'s own blue', 'avn-aid' ) ),
			],
			[ __( 'Disclaimer', 'avn-aid' ), describe( a.disclaimer, defaults.disclaimer, none ) ],
		];

		var sidebar = el(
			InspectorControls,
			null,
			el(
				PanelBody,
				{ title: __( 'Guide settings', 'avn-aid' ), initialOpen: true },
				el( 'p', { className: 'avn-aid-guide-editor-help' }, __( 'Leave a field empty to use the site-wide default from Settings → AVN patient guide.', 'avn-aid' ) ),
				el( TextControl, {
					label: __( 'Hospital name', 'avn-aid' ),
					help: __( 'Used in "Talk to a specialist at …" and "A note from …".', 'avn-aid' ),
					value: a.hospital,
					onChange: set( 'hospital' ),
				} ),
				el( TextControl, {
					label: __( 'Contact link', 'avn-aid' ),
					help: __( 'https:// with a web address, mailto: with an email address, or tel: with a phone number.', 'avn-aid' ),
					type: 'url',
					value: a.contactUrl,
					onChange: set( 'contactUrl' ),
				} ),
				el( SelectControl, {
					label: __( 'Start on', 'avn-aid' ),
					value: a.joint,
					options: [ { value: '', label: __( 'The start page (all joints)', 'avn-aid' ) } ].concat( joints ),
					onChange: set( 'joint' ),
				} ),
				el( SelectControl, {
					label: __( 'Language', 'avn-aid' ),
					value: a.lang,
					options: [ { value: '', label: __( 'Site default', 'avn-aid' ) } ].concat( languages ),
					onChange: set( 'lang' ),
				} ),
				el( TextControl, {
					label: __( 'Accent colour', 'avn-aid' ),
					help: __( '# and 3 or 6 hexadecimal digits, dark enough to read on white, for example #0b5c8a.', 'avn-aid' ),
					value: a.accent,
					onChange: set( 'accent' ),
				} ),
				el( TextareaControl, {
					label: __( 'Disclaimer', 'avn-aid' ),
					help: __( 'Your own words in the guide\'s footer, in plain text.', 'avn-aid' ),
					value: a.disclaimer,
					onChange: set( 'disclaimer' ),
				} )
			)
		);

		var box = el(
			'div',
			useBlockProps( { className: 'avn-aid-guide-placeholder' } ),
			el( 'p', { className: 'avn-aid-guide-placeholder-title' }, __( 'AVN patient guide', 'avn-aid' ) ),
			el( 'p', null, __( 'The guide appears here on the published page (and in Preview). Its settings are in the block\'s sidebar.', 'avn-aid' ) ),
			el(
				'dl',
				null,
				rows.map( function ( row ) {
					return el( Fragment, { key: row[ 0 ] }, el( 'dt', null, row[ 0 ] ), el( 'dd', null, row[ 1 ] ) );
				} )
			)
		);

		return el( Fragment, null, sidebar, box );
	}

	wp.blocks.registerBlockType( 'avn-aid/guide', {
		edit: Edit,
		save: function () {
			return null;
		},
	} );
} )( window.wp );
